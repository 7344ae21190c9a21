package com.lanonasis.gateway.domain.audit.port.out;

import com.lanonasis.gateway.domain.audit.AuditEvent;

/** Outgoing port: the append-only audit log. */
public interface AuditLog {

    void record(AuditEvent event);
}
