package com.lanonasis.gateway.adapters.http.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.application.identity.port.in.CurrentUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.LogInUseCase;
import com.lanonasis.gateway.application.identity.port.in.RegisterUserUseCase;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.identity.port.in.UserSession;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Secret;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The platform's password-and-JWT surface: register, log in, verify a token, read the session. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {

    private final RegisterUserUseCase register;
    private final LogInUseCase logIn;
    private final CurrentUserUseCase currentUser;
    private final Callers callers;
    private final ClientAddress addresses;

    AuthController(RegisterUserUseCase register, LogInUseCase logIn, CurrentUserUseCase currentUser, Callers callers,
                   ClientAddress addresses) {
        this.register = register;
        this.logIn = logIn;
        this.currentUser = currentUser;
        this.callers = callers;
        this.addresses = addresses;
    }

    @Post(uris = {"/v1/auth/register", "/api/v1/auth/register"})
    @Status(HttpStatus.CREATED)
    HttpResponse<UserView> register(@Body RegisterBody body) {
        return HttpResponse.created(UserView.of(Rejections.valueOf(
                register.register(new Registration(body.email(), body.password(), body.name())))));
    }

    /** {@code /mcp/auth} is the seed's "MCP-specific authentication" (000_*): the same password sign-in. */
    @Post(uris = {"/v1/auth/login", "/api/v1/auth/login", "/auth/cli-login", "/api/v1/auth/cli-login", "/mcp/auth"})
    HttpResponse<TokenBody> logIn(HttpRequest<?> request, @Body LoginBody body) {
        UserSession session = Rejections.valueOf(logIn.logIn(new LogIn(body.email(), body.password(),
                addresses.of(request))));
        return HttpResponse.ok(new TokenBody(session.accessToken().reveal(), "Bearer",
                session.expiresIn().toSeconds(), UserView.of(session.user())))
                .header("Cache-Control", "no-store");
    }

    /**
     * Checks a token given in the body ({@code {"token": ...}}) or, failing that, the request's own
     * credentials; either way as {@code GET /v1/auth/session} does (a token for another resource is refused).
     */
    @Post(uris = {"/v1/auth/verify", "/api/v1/auth/verify"})
    SessionBody verify(HttpRequest<?> request, @Nullable @Body VerifyBody body) {
        Principal caller = body != null && body.token() != null && !body.token().isBlank()
                ? callers.requireToken(body.token())
                : callers.require(request);
        return session(caller);
    }

    @Get(uris = {"/v1/auth/session", "/api/v1/auth/session"})
    SessionBody session(HttpRequest<?> request) {
        return session(callers.require(request));
    }

    private SessionBody session(Principal caller) {
        return currentUser.currentUser(caller).fold(
                user -> new SessionBody(true, UserView.of(user), caller.scopes().names(),
                        caller.via().name().toLowerCase()),
                rejection -> {
                    throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token", "the token's user no longer exists");
                });
    }

    @Serdeable
    record RegisterBody(@Nullable String email, @Nullable String password, @Nullable String name) {
        @Override
        public String toString() {
            return Secret.redacted("RegisterBody[email=" + email + "]");
        }
    }

    @Serdeable
    record LoginBody(@Nullable String email, @Nullable String password) {
        @Override
        public String toString() {
            return Secret.redacted("LoginBody[email=" + email + "]");
        }
    }

    @Serdeable
    record VerifyBody(@Nullable String token) {
        @Override
        public String toString() {
            return Secret.redacted("VerifyBody");
        }
    }

    @Serdeable
    record TokenBody(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn, UserView user) {
        @Override
        public String toString() {
            return Secret.redacted("TokenBody[user=" + user.id() + "]");
        }
    }

    @Serdeable
    record SessionBody(boolean valid, UserView user, List<String> scopes,
                       @JsonProperty("auth_method") String authMethod) {
    }
}
