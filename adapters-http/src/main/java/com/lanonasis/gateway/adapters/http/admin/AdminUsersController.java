package com.lanonasis.gateway.adapters.http.admin;

import com.lanonasis.gateway.adapters.http.admin.AdminViews.Deleted;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.GrantList;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.GrantView;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.Revoked;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.RoleBody;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.UserPage;
import com.lanonasis.gateway.adapters.http.admin.AdminViews.UserView;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.AccountDeleted;
import com.lanonasis.gateway.application.admin.port.in.AdministerGrantsUseCase;
import com.lanonasis.gateway.application.admin.port.in.AdministerUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.ImportOutcome;
import com.lanonasis.gateway.application.admin.port.in.ImportUsersUseCase;
import com.lanonasis.gateway.application.admin.port.in.ImportedUser;
import com.lanonasis.gateway.application.admin.port.in.UserSearch;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.tokens.Grant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** Accounts and their OAuth grants, for administrators ({@code admin} scope and role, checked at every call). */
@Controller("/api/v1/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminUsersController {

    private final AdministerUsersUseCase users;
    private final AdministerGrantsUseCase grants;
    private final ImportUsersUseCase imports;
    private final Callers callers;

    AdminUsersController(AdministerUsersUseCase users, AdministerGrantsUseCase grants, ImportUsersUseCase imports,
                         Callers callers) {
        this.imports = imports;
        this.users = users;
        this.grants = grants;
        this.callers = callers;
    }

    @Get
    HttpResponse<UserPage> search(HttpRequest<?> request, @Nullable @QueryValue String email,
                                  @Nullable @QueryValue String page, @Nullable @QueryValue String limit) {
        int pageNumber = AdminQueries.integer("page", page, 1);
        int size = AdminQueries.integer("limit", limit, AdminQueries.DEFAULT_LIMIT);
        UserSearch search = AdminQueries.valid(() -> new UserSearch(email, pageNumber, size));
        List<User> found = Rejections.valueOf(users.search(callers.require(request), search));
        return AdminQueries.noStore(new UserPage(found.stream().map(UserView::of).toList(), search.page(),
                search.limit()));
    }

    /** Accounts from another store with their bcrypt hashes: {@code [{email, bcrypt_hash, name}]}. */
    @Post("/import")
    HttpResponse<Imported> importUsers(HttpRequest<?> request, @Nullable @Body List<ImportRow> rows) {
        List<ImportOutcome> outcomes = Rejections.valueOf(imports.importUsers(callers.require(request),
                rows == null ? List.of() : rows.stream().map(row -> row == null ? null
                        : new ImportedUser(row.email(), row.bcryptHash(), row.name())).toList()));
        return AdminQueries.noStore(new Imported(outcomes.stream().filter(o -> o.userId() != null).count(),
                outcomes.stream().map(o -> new ImportResult(o.email(), o.status(), o.userId())).toList()));
    }

    @Serdeable
    record ImportRow(@Nullable String email, @Nullable @JsonProperty("bcrypt_hash") String bcryptHash,
                     @Nullable String name) {
        @Override
        public String toString() {
            return "ImportRow[email=" + email + "]";
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ImportResult(String email, String status, @JsonProperty("user_id") String userId) {
    }

    @Serdeable
    record Imported(long created, List<ImportResult> results) {
    }

    @Get("/{id}")
    HttpResponse<UserView> view(HttpRequest<?> request, @PathVariable String id) {
        return AdminQueries.noStore(UserView.of(Rejections.valueOf(users.view(callers.require(request), id))));
    }

    @Post("/{id}/disable")
    HttpResponse<UserView> disable(HttpRequest<?> request, @PathVariable String id) {
        return AdminQueries.noStore(UserView.of(Rejections.valueOf(
                users.setDisabled(callers.require(request), id, true))));
    }

    @Post("/{id}/enable")
    HttpResponse<UserView> enable(HttpRequest<?> request, @PathVariable String id) {
        return AdminQueries.noStore(UserView.of(Rejections.valueOf(
                users.setDisabled(callers.require(request), id, false))));
    }

    @Put("/{id}/role")
    HttpResponse<UserView> changeRole(HttpRequest<?> request, @PathVariable String id,
                                      @Nullable @Body RoleBody body) {
        return AdminQueries.noStore(UserView.of(Rejections.valueOf(users.changeRole(callers.require(request), id,
                body == null ? null : body.role()))));
    }

    @Delete("/{id}")
    HttpResponse<Deleted> delete(HttpRequest<?> request, @PathVariable String id) {
        AccountDeleted deleted = Rejections.valueOf(users.delete(callers.require(request), id));
        return AdminQueries.noStore(new Deleted(deleted.userId(), deleted.memoriesDeleted()));
    }

    @Get("/{id}/grants")
    HttpResponse<GrantList> grants(HttpRequest<?> request, @PathVariable String id) {
        List<Grant> live = Rejections.valueOf(grants.grants(callers.require(request), id));
        return AdminQueries.noStore(new GrantList(live.stream().map(GrantView::of).toList()));
    }

    @Delete("/{id}/grants/{familyId}")
    HttpResponse<Revoked> revoke(HttpRequest<?> request, @PathVariable String id,
                                 @PathVariable String familyId) {
        Rejections.valueOf(grants.revoke(callers.require(request), id, familyId));
        return AdminQueries.noStore(new Revoked(1));
    }

    @Delete("/{id}/grants")
    HttpResponse<Revoked> revokeAll(HttpRequest<?> request, @PathVariable String id) {
        return AdminQueries.noStore(new Revoked(Rejections.valueOf(grants.revokeAll(callers.require(request), id))));
    }
}
