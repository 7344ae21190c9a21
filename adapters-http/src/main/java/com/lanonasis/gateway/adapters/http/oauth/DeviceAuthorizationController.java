package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.application.oauth.port.in.DeviceFlowUseCase;
import com.lanonasis.gateway.application.oauth.port.in.DeviceStart;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.domain.shared.Secret;
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
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The device authorization endpoint (RFC 8628 §3.1): where a device starts the flow. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class DeviceAuthorizationController {

    private final DeviceFlowUseCase devices;
    private final JsonMapper json;
    private final String verificationUri;

    DeviceAuthorizationController(DeviceFlowUseCase devices, JsonMapper json,
                                  PublicUrl publicUrl) {
        this.devices = devices;
        this.json = json;
        this.verificationUri = publicUrl.resolve("/oauth/device");
    }

    @Post(uris = {"/oauth/device", "/oauth/device_authorization"})
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> start(HttpRequest<?> request, @Nullable @Body String body) {
        return ClientRequests.handle(request, body, json, (client, form) -> {
            OAuthResult<DeviceStart> result = devices.start(client, form.get("scope"), form.all("resource"));
            if (result instanceof OAuthResult.Err<DeviceStart> err) {
                return OAuthResponses.error(request, err.error());
            }
            DeviceStart started = ((OAuthResult.Ok<DeviceStart>) result).value();
            return OAuthResponses.noStore(HttpResponse.ok(new DeviceJson(started.deviceCode(), started.userCode(),
                    verificationUri, verificationUri + "?user_code="
                    + URLEncoder.encode(started.userCode(), StandardCharsets.UTF_8), started.expiresIn(),
                    started.interval())));
        });
    }

    @Serdeable
    record DeviceJson(@JsonProperty("device_code") String deviceCode, @JsonProperty("user_code") String userCode,
                      @JsonProperty("verification_uri") String verificationUri,
                      @JsonProperty("verification_uri_complete") String verificationUriComplete,
                      @JsonProperty("expires_in") long expiresIn, long interval) {
        @Override
        public String toString() {
            return Secret.redacted("DeviceJson[userCode=" + userCode + "]");
        }
    }
}
