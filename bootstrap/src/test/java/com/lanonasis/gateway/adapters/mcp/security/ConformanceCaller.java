package com.lanonasis.gateway.adapters.mcp.security;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.LogInUseCase;
import com.lanonasis.gateway.application.identity.port.in.RegisterUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The conformance profile's caller: a user of its own, made on first use with a fresh random
 * password nobody knows, whose API key stands in for the credentials the suite does not send.
 */
@Singleton
@Requires(property = ConformanceCaller.ENABLED, value = "true")
public final class ConformanceCaller implements FallbackCredential {

    public static final String ENABLED = "onasis.mcp.conformance.enabled";

    private final RegisterUserUseCase register;
    private final LogInUseCase logIn;
    private final AuthenticateUseCase authenticate;
    private final CreateApiKeyUseCase keys;
    private volatile String apiKey;

    ConformanceCaller(RegisterUserUseCase register, LogInUseCase logIn, AuthenticateUseCase authenticate,
                      CreateApiKeyUseCase keys) {
        this.register = register;
        this.logIn = logIn;
        this.authenticate = authenticate;
        this.keys = keys;
    }

    @Override
    public String apiKey() {
        String key = apiKey;
        if (key == null) {
            synchronized (this) {
                if (apiKey == null) {
                    apiKey = newKey();
                }
                key = apiKey;
            }
        }
        return key;
    }

    private String newKey() {
        byte[] bits = new byte[24];
        new SecureRandom().nextBytes(bits);
        String suffix = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        String email = "conformance-" + suffix.substring(0, 12).toLowerCase(java.util.Locale.ROOT) + "@onasis.invalid";
        String password = "conformance " + suffix;
        register.register(new Registration(email, password, "MCP conformance"))
                .fold(user -> user, refused -> {
                    throw new IllegalStateException("conformance user: " + refused);
                });
        String token = logIn.logIn(new LogIn(email, password)).fold(session -> session.accessToken().reveal(),
                refused -> {
                    throw new IllegalStateException("conformance login: " + refused);
                });
        Principal user = ((Authentication.Authenticated) authenticate.authenticate(new Credential.BearerToken(token)))
                .principal();
        return keys.create(user, new NewApiKeyRequest("conformance", null, null))
                .fold(issued -> issued.reveal(), refused -> {
                    throw new IllegalStateException("conformance key: " + refused);
                });
    }
}
