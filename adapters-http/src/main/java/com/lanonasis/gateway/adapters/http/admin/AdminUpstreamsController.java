package com.lanonasis.gateway.adapters.http.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.admin.port.in.AdministerUpstreamsUseCase;
import com.lanonasis.gateway.application.admin.port.in.UpstreamDraft;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Upstream MCP servers for administrators (issue 14): list, create, update, disable/enable, delete.
 * Configured upstreams are listed but read-only (409 configured_upstream). Responses never carry
 * the upstream credential's value nor environment values: header and variable names only.
 */
@Controller("/api/v1/admin/upstreams")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminUpstreamsController {

    private final AdministerUpstreamsUseCase upstreams;
    private final Callers callers;

    AdminUpstreamsController(AdministerUpstreamsUseCase upstreams, Callers callers) {
        this.upstreams = upstreams;
        this.callers = callers;
    }

    @Get
    HttpResponse<Map<String, Object>> list(HttpRequest<?> request) {
        List<UpstreamView> all = Rejections.valueOf(upstreams.upstreams(callers.require(request))).stream()
                .map(UpstreamView::of).toList();
        return AdminQueries.noStore(Map.of("upstreams", all));
    }

    @Get("/{name}")
    HttpResponse<UpstreamView> view(HttpRequest<?> request, @PathVariable String name) {
        return AdminQueries.noStore(UpstreamView.of(Rejections.valueOf(upstreams.upstream(callers.require(request),
                name))));
    }

    @Post
    HttpResponse<UpstreamView> create(HttpRequest<?> request, @Nullable @Body UpstreamBody body) {
        UpstreamView created = UpstreamView.of(Rejections.valueOf(upstreams.create(callers.require(request),
                draft(body, null))));
        return HttpResponse.<UpstreamView>status(HttpStatus.CREATED).body(created).header("Cache-Control", "no-store");
    }

    @Put("/{name}")
    HttpResponse<UpstreamView> update(HttpRequest<?> request, @PathVariable String name,
                                      @Nullable @Body UpstreamBody body) {
        return AdminQueries.noStore(UpstreamView.of(Rejections.valueOf(upstreams.update(callers.require(request), name,
                draft(body, name)))));
    }

    @Post("/{name}/disable")
    HttpResponse<UpstreamView> disable(HttpRequest<?> request, @PathVariable String name) {
        return AdminQueries.noStore(UpstreamView.of(Rejections.valueOf(
                upstreams.setEnabled(callers.require(request), name, false))));
    }

    @Post("/{name}/enable")
    HttpResponse<UpstreamView> enable(HttpRequest<?> request, @PathVariable String name) {
        return AdminQueries.noStore(UpstreamView.of(Rejections.valueOf(
                upstreams.setEnabled(callers.require(request), name, true))));
    }

    @Delete("/{name}")
    HttpResponse<Map<String, Object>> delete(HttpRequest<?> request, @PathVariable String name) {
        String deleted = Rejections.valueOf(upstreams.delete(callers.require(request), name));
        return AdminQueries.noStore(Map.of("name", deleted, "deleted", true));
    }

    private static UpstreamDraft draft(UpstreamBody body, String pathName) {
        if (body == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "a JSON body is required");
        }
        return new UpstreamDraft(body.name() == null ? pathName : body.name(), body.title(), body.url(),
                body.command(), body.args(), body.env(), body.workingDir(), body.requiredScopes(), body.allowedUsers(),
                body.allowedEmails(), body.apiKeys(), body.credentialHeader(), body.credentialValue(), body.enabled());
    }

    @Serdeable
    record UpstreamBody(@Nullable String name, @Nullable String title, @Nullable String url,
                        @Nullable String command, @Nullable List<String> args, @Nullable Map<String, String> env,
                        @Nullable @JsonProperty("working_dir") String workingDir,
                        @Nullable @JsonProperty("required_scopes") List<String> requiredScopes,
                        @Nullable @JsonProperty("allowed_users") List<String> allowedUsers,
                        @Nullable @JsonProperty("allowed_emails") List<String> allowedEmails,
                        @Nullable @JsonProperty("api_keys") Boolean apiKeys,
                        @Nullable @JsonProperty("credential_header") String credentialHeader,
                        @Nullable @JsonProperty("credential_value") String credentialValue,
                        @Nullable Boolean enabled) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UpstreamView(String name, String title, String path, String transport, @Nullable String url,
                        @Nullable String command, List<String> args,
                        @JsonProperty("env_names") List<String> envNames,
                        @Nullable @JsonProperty("working_dir") String workingDir,
                        @JsonProperty("required_scopes") List<String> requiredScopes,
                        @JsonProperty("allowed_users") List<String> allowedUsers,
                        @JsonProperty("allowed_emails") List<String> allowedEmails,
                        @JsonProperty("api_keys") boolean apiKeys,
                        @Nullable @JsonProperty("credential_header") String credentialHeader,
                        boolean enabled, boolean configured, @JsonProperty("updated_at") String updatedAt) {

        static UpstreamView of(Upstream upstream) {
            String url = null;
            String command = null;
            List<String> args = List.of();
            List<String> envNames = List.of();
            String workingDir = null;
            if (upstream.target() instanceof UpstreamTarget.Http http) {
                url = http.url().toString();
            } else if (upstream.target() instanceof UpstreamTarget.Stdio stdio) {
                command = stdio.command();
                args = stdio.arguments();
                envNames = List.copyOf(new TreeSet<>(stdio.environment().keySet()));
                workingDir = stdio.workingDirectory();
            }
            return new UpstreamView(upstream.name().value(), upstream.title(), upstream.name().path(),
                    url != null ? "http" : "stdio", url, command, args, envNames, workingDir,
                    upstream.policy().requiredScopes().names(), List.copyOf(new TreeSet<>(upstream.policy().allowedUsers())),
                    upstream.policy().emailPatterns(), upstream.policy().apiKeysAccepted(),
                    upstream.credential() == null ? null : upstream.credential().header(), upstream.enabled(),
                    upstream.configured(), upstream.updatedAt().toString());
        }
    }
}
