package com.lanonasis.gateway.domain.audit;

/** Outgoing port: the append-only audit log. */
public interface AuditLog {

    void record(AuditEvent event);
}
