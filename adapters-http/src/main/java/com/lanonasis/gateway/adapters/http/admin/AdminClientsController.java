package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.admin.AdminViews.ClientPage;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.ClientView;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.AdministerClientsUseCase;
import com.lanonasis.gateway.domain.clients.ClientListing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/** OAuth clients for administrators; configured clients are shown but read-only (409 configured_client). */
@Controller("/api/v1/admin/clients")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminClientsController {

    private final AdministerClientsUseCase clients;
    private final Callers callers;

    AdminClientsController(AdministerClientsUseCase clients, Callers callers) {
        this.clients = clients;
        this.callers = callers;
    }

    @Get
    HttpResponse<ClientPage> list(HttpRequest<?> request, @Nullable @QueryValue String page,
                                  @Nullable @QueryValue String limit) {
        int pageNumber = AdminQueries.integer("page", page, 1);
        int size = AdminQueries.integer("limit", limit, AdminQueries.DEFAULT_LIMIT);
        List<ClientListing> found = Rejections.valueOf(clients.clients(callers.require(request), pageNumber, size));
        return AdminQueries.noStore(new ClientPage(found.stream().map(ClientView::of).toList(), pageNumber, size));
    }

    @Get("/{clientId}")
    HttpResponse<ClientView> view(HttpRequest<?> request, @PathVariable String clientId) {
        return AdminQueries.noStore(ClientView.of(Rejections.valueOf(clients.client(callers.require(request),
                clientId))));
    }

    @Post("/{clientId}/disable")
    HttpResponse<ClientView> disable(HttpRequest<?> request, @PathVariable String clientId) {
        return AdminQueries.noStore(ClientView.of(Rejections.valueOf(
                clients.setClientDisabled(callers.require(request), clientId, true))));
    }

    @Post("/{clientId}/enable")
    HttpResponse<ClientView> enable(HttpRequest<?> request, @PathVariable String clientId) {
        return AdminQueries.noStore(ClientView.of(Rejections.valueOf(
                clients.setClientDisabled(callers.require(request), clientId, false))));
    }

    @Delete("/{clientId}")
    HttpResponse<Map<String, Object>> delete(HttpRequest<?> request, @PathVariable String clientId) {
        String deleted = Rejections.valueOf(clients.deleteClient(callers.require(request), clientId));
        return AdminQueries.noStore(Map.of("client_id", deleted, "deleted", true));
    }
}
