package com.lanonasis.gateway.domain.audit;

import java.util.Objects;

/** An event as stored, with its position in the log. */
public record AuditRecord(long id, AuditEvent event) {

    public AuditRecord {
        Objects.requireNonNull(event, "event");
    }
}
