package com.lanonasis.gateway.domain.audit;

import java.util.List;

/** Outgoing port: reading the audit log back. */
public interface AuditTrail {

    List<AuditRecord> query(AuditQuery query);
}
