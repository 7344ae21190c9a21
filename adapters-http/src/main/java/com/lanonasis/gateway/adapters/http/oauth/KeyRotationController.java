package com.lanonasis.gateway.adapters.http.oauth;

import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.oauth.port.in.PublishKeysUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/** Signing-key rotation for operators (scope {@code admin}); tokens signed before stay valid until they expire. */
@Controller("/admin/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
final class KeyRotationController {

    private final PublishKeysUseCase keys;
    private final Callers callers;

    KeyRotationController(PublishKeysUseCase keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @Post("/rotate")
    Map<String, Object> rotate(HttpRequest<?> request) {
        Rejections.valueOf(keys.rotate(callers.require(request)));
        return Map.of("rotated", true);
    }
}
