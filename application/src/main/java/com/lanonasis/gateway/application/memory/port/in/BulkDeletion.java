package com.lanonasis.gateway.application.memory.port.in;

import java.util.List;

/** @param failedIds requested ids that were malformed or not the caller's entries */
public record BulkDeletion(int deletedCount, List<String> failedIds) {
}
