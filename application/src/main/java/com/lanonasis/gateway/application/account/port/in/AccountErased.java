package com.lanonasis.gateway.application.account.port.in;

/** What deleting one's own account removed besides the account itself. */
public record AccountErased(String userId, long memoriesDeleted) {
}
