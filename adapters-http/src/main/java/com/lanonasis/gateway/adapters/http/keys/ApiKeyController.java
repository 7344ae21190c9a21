package com.lanonasis.gateway.adapters.http.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.api.CredentialedApi;
import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.RotateApiKeyUseCase;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.Secret;
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
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@CredentialedApi
@ApiResponse(responseCode = "404", description = "no such key for this caller (not_found)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
final class ApiKeyController {

    private final CreateApiKeyUseCase create;
    private final ListApiKeysUseCase list;
    private final RevokeApiKeyUseCase revoke;
    private final RotateApiKeyUseCase rotate;
    private final Callers callers;

    ApiKeyController(CreateApiKeyUseCase create, ListApiKeysUseCase list, RevokeApiKeyUseCase revoke,
                     RotateApiKeyUseCase rotate, Callers callers) {
        this.rotate = rotate;
        this.create = create;
        this.list = list;
        this.revoke = revoke;
        this.callers = callers;
    }

    @Post(uris = {"/api/v1/auth/api-keys", "/api/v1/api-keys"})
    @Status(HttpStatus.CREATED)
    HttpResponse<CreatedKey> create(HttpRequest<?> request, @Body NewKeyBody body) {
        IssuedApiKey issued = Rejections.valueOf(create.create(callers.require(request),
                new NewApiKeyRequest(body.name(), body.scopes(), body.expiresIn())));
        ApiKey key = issued.key();
        return HttpResponse.created(new CreatedKey(key.id().value(), issued.reveal(), key.name(), key.scopes().names(),
                        iso(key.createdAt()), iso(key.expiresAt())))
                .header("Cache-Control", "no-store");
    }

    @Get(uris = {"/api/v1/auth/api-keys", "/api/v1/api-keys"})
    KeyList list(HttpRequest<?> request) {
        return new KeyList(Rejections.valueOf(list.list(callers.require(request))).stream()
                .map(key -> new KeyView(key.id().value(), key.name(), key.scopes().names(), iso(key.createdAt()),
                        iso(key.expiresAt()), iso(key.lastUsedAt())))
                .toList());
    }

    @Delete(uris = {"/api/v1/auth/api-keys/{id}", "/api/v1/api-keys/{id}"})
    @Status(HttpStatus.NO_CONTENT)
    HttpResponse<Void> revoke(HttpRequest<?> request, @PathVariable String id) {
        Rejections.valueOf(revoke.revoke(callers.require(request), id));
        return HttpResponse.noContent();
    }

    /** A new secret for the same key id; the old secret keeps working for the configured grace period. */
    @Post(uris = {"/api/v1/auth/api-keys/{id}/rotate", "/api/v1/api-keys/{id}/rotate"})
    HttpResponse<CreatedKey> rotate(HttpRequest<?> request, @PathVariable String id) {
        IssuedApiKey issued = Rejections.valueOf(rotate.rotate(callers.require(request), id));
        ApiKey key = issued.key();
        return HttpResponse.ok(new CreatedKey(key.id().value(), issued.reveal(), key.name(), key.scopes().names(),
                        iso(key.createdAt()), iso(key.expiresAt())))
                .header("Cache-Control", "no-store");
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @Serdeable
    record NewKeyBody(@Nullable String name, @Nullable List<String> scopes,
                      @Nullable @JsonProperty("expires_in") Long expiresIn) {
    }

    /** The only response that ever carries a key's secret. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CreatedKey(String id, String key, String name, List<String> scopes,
                      @JsonProperty("created_at") String createdAt,
                      @Nullable @JsonProperty("expires_at") String expiresAt) {
        @Override
        public String toString() {
            return Secret.redacted("CreatedKey[id=" + id + "]");
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record KeyView(String id, String name, List<String> scopes, @JsonProperty("created_at") String createdAt,
                   @Nullable @JsonProperty("expires_at") String expiresAt,
                   @Nullable @JsonProperty("last_used_at") String lastUsedAt) {
    }

    @Serdeable
    record KeyList(@JsonProperty("api_keys") List<KeyView> apiKeys) {
    }
}
