package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.application.oauth.port.in.Introspection;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.application.oauth.port.in.TokenInspectionUseCase;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Revocation (RFC 7009) and introspection (RFC 7662), with root aliases for older clients. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class InspectionController {

    private final TokenInspectionUseCase inspection;
    private final JsonMapper json;
    private final String issuer;

    InspectionController(TokenInspectionUseCase inspection, JsonMapper json, PublicUrl publicUrl) {
        this.inspection = inspection;
        this.json = json;
        this.issuer = publicUrl.base();
    }

    @Post(uris = {"/oauth/revoke", "/revoke"})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> revoke(HttpRequest<?> request, @Nullable @Body String body) {
        return ClientRequests.handle(request, body, json, (client, form) -> {
            OAuthResult<Boolean> result = inspection.revoke(client, form.get("token"), form.get("token_type_hint"));
            if (result instanceof OAuthResult.Err<Boolean> err) {
                return OAuthResponses.error(request, err.error());
            }
            return OAuthResponses.noStore(HttpResponse.ok());
        });
    }

    @Post(uris = {"/oauth/introspect", "/introspect"})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> introspect(HttpRequest<?> request, @Nullable @Body String body) {
        return ClientRequests.handle(request, body, json, (client, form) -> {
            OAuthResult<Introspection> result = inspection.introspect(client, form.get("token"));
            if (result instanceof OAuthResult.Err<Introspection> err) {
                return OAuthResponses.error(request, err.error());
            }
            return OAuthResponses.noStore(HttpResponse.ok(describe(((OAuthResult.Ok<Introspection>) result).value())));
        });
    }

    private Map<String, Object> describe(Introspection introspection) {
        return introspection.match(inactive -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("active", false);
            return answer;
        }, this::accessToken, this::refreshToken);
    }

    private Map<String, Object> accessToken(Introspection.ActiveAccessToken access) {
        Map<String, Object> answer = new LinkedHashMap<>();
        AccessTokenClaims claims = access.claims();
        answer.put("active", true);
        answer.put("token_type", "Bearer");
        answer.put("scope", claims.scopes().spaceDelimited());
        answer.put("client_id", claims.clientId());
        answer.put("sub", claims.subject());
        putIfPresent(answer, "username", access.username());
        answer.put("aud", claims.audience());
        answer.put("iss", issuer);
        answer.put("jti", claims.tokenId());
        answer.put("iat", claims.issuedAt().getEpochSecond());
        answer.put("exp", claims.expiresAt().getEpochSecond());
        return answer;
    }

    private Map<String, Object> refreshToken(Introspection.ActiveRefreshToken refresh) {
        Map<String, Object> answer = new LinkedHashMap<>();
        RefreshToken token = refresh.token();
        answer.put("active", true);
        answer.put("token_type", "refresh_token");
        answer.put("scope", token.scopes().spaceDelimited());
        answer.put("client_id", token.clientId());
        answer.put("sub", token.userId().toString());
        putIfPresent(answer, "username", refresh.username());
        answer.put("iss", issuer);
        answer.put("iat", token.issuedAt().getEpochSecond());
        answer.put("exp", token.expiresAt().getEpochSecond());
        return answer;
    }

    private static void putIfPresent(Map<String, Object> answer, String key, String value) {
        if (value != null) {
            answer.put(key, value);
        }
    }
}
