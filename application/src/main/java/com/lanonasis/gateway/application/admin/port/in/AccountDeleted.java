package com.lanonasis.gateway.application.admin.port.in;

/** What deleting an account removed besides the account itself. */
public record AccountDeleted(String userId, long memoriesDeleted) {
}
