package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.admin.AdminViews.AuditPage;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.AuditView;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.ReadAuditUseCase;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The audit log read back: all of it for administrators, each person's own events for them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {

    private final ReadAuditUseCase audit;
    private final Callers callers;

    AuditController(ReadAuditUseCase audit, Callers callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @Get("/api/v1/admin/audit")
    HttpResponse<AuditPage> all(HttpRequest<?> request, @Nullable @QueryValue String user,
                  @Nullable @QueryValue String client,
                  @Nullable @QueryValue String type, @Nullable @QueryValue String from,
                  @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                  @Nullable @QueryValue String limit) {
        AuditQuery query = AdminQueries.audit(user, client, type, from, to, page, limit);
        return AdminQueries.noStore(page(query, Rejections.valueOf(audit.query(callers.require(request), query))));
    }

    @Get(uris = {"/api/v1/auth/audit", "/v1/auth/audit"})
    HttpResponse<AuditPage> own(HttpRequest<?> request, @Nullable @QueryValue String client,
                  @Nullable @QueryValue String type,
                  @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                  @Nullable @QueryValue String page, @Nullable @QueryValue String limit) {
        AuditQuery query = AdminQueries.audit(null, client, type, from, to, page, limit);
        return AdminQueries.noStore(page(query, Rejections.valueOf(audit.own(callers.require(request), query))));
    }

    private static AuditPage page(AuditQuery query, List<AuditRecord> found) {
        return new AuditPage(found.stream().map(AuditView::of).toList(), query.page(), query.limit());
    }
}
