package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.account.AccountViews.SessionList;
import com.lanonasis.gateway.adapters.http.account.AccountViews.SessionView;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.AdministerSessionsUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** A user's browser sessions, for administrators: listed by public id, ended one by one at once (audited). */
@Controller("/api/v1/admin/users/{id}/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminSessionsController {

    private final AdministerSessionsUseCase sessions;
    private final Callers callers;

    AdminSessionsController(AdministerSessionsUseCase sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @Get
    HttpResponse<SessionList> sessions(HttpRequest<?> request, @PathVariable String id) {
        return AdminQueries.noStore(new SessionList(Rejections.valueOf(sessions.sessions(callers.require(request), id))
                .stream().map(SessionView::of).toList()));
    }

    @Delete("/{sessionId}")
    HttpResponse<AdminViews.Revoked> revoke(HttpRequest<?> request, @PathVariable String id,
                                            @PathVariable String sessionId) {
        Rejections.valueOf(sessions.revokeSession(callers.require(request), id, sessionId));
        return AdminQueries.noStore(new AdminViews.Revoked(1));
    }
}
