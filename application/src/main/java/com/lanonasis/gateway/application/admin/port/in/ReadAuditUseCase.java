package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/** Reading the audit log: all of it for administrators, their own events for everyone. */
public interface ReadAuditUseCase {

    Outcome<List<AuditRecord>> query(Principal caller, AuditQuery query);

    /** The caller's own events; the query's user filter is replaced by the caller. */
    Outcome<List<AuditRecord>> own(Principal caller, AuditQuery query);
}
