package com.lanonasis.gateway.domain.audit.port.out;

import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import java.util.List;

/** Outgoing port: reading the audit log back. */
public interface AuditTrail {

    List<AuditRecord> query(AuditQuery query);
}
