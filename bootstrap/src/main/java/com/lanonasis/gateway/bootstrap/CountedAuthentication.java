package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every credential check as {@code onasis_auth_total{credential, outcome}}: credential
 * {@code api_key|bearer_token|session_cookie}, outcome {@code success} or the problem
 * ({@code invalid}, {@code expired}, {@code malformed}, ...). Nothing of the credential itself.
 * The counters (a few kinds times a few outcomes) are registered once and kept: registering one is a
 * lookup in the registry that every authenticated request and WebSocket message used to pay.
 */
final class CountedAuthentication implements AuthenticateUseCase {

    private final AuthenticateUseCase verification;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    CountedAuthentication(AuthenticateUseCase verification, MeterRegistry meters) {
        this.verification = verification;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Credential credential) {
        Authentication result = verification.authenticate(credential);
        String outcome = result instanceof Authentication.Unauthenticated refused
                ? refused.problem().name().toLowerCase(Locale.ROOT) : "success";
        String kind = kind(credential);
        counters.computeIfAbsent(kind + '/' + outcome, key -> Counter.builder("onasis.auth")
                .description("credential checks by credential kind and outcome")
                .tag("credential", kind).tag("outcome", outcome)
                .register(meters)).increment();
        return result;
    }

    private static String kind(Credential credential) {
        return credential.match(bearer -> "bearer_token", apiKey -> "api_key", cookie -> "session_cookie");
    }
}
