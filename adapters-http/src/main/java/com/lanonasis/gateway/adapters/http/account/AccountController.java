package com.lanonasis.gateway.adapters.http.account;

import com.lanonasis.gateway.adapters.http.account.AccountViews.AppList;
import com.lanonasis.gateway.adapters.http.account.AccountViews.AppView;
import com.lanonasis.gateway.adapters.http.account.AccountViews.DeleteBody;
import com.lanonasis.gateway.adapters.http.account.AccountViews.Deleted;
import com.lanonasis.gateway.adapters.http.account.AccountViews.Ended;
import com.lanonasis.gateway.adapters.http.account.AccountViews.IssuedKey;
import com.lanonasis.gateway.adapters.http.account.AccountViews.KeyList;
import com.lanonasis.gateway.adapters.http.account.AccountViews.KeyView;
import com.lanonasis.gateway.adapters.http.account.AccountViews.NewKeyBody;
import com.lanonasis.gateway.adapters.http.account.AccountViews.PasswordBody;
import com.lanonasis.gateway.adapters.http.account.AccountViews.PasswordChangedView;
import com.lanonasis.gateway.adapters.http.account.AccountViews.Profile;
import com.lanonasis.gateway.adapters.http.account.AccountViews.ProfileBody;
import com.lanonasis.gateway.adapters.http.account.AccountViews.Revoked;
import com.lanonasis.gateway.adapters.http.account.AccountViews.SessionList;
import com.lanonasis.gateway.adapters.http.account.AccountViews.SessionView;
import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.error.ApiException;
import com.lanonasis.gateway.adapters.http.error.Rejections;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.adapters.http.security.web.BrowserForms;
import com.lanonasis.gateway.application.account.port.in.AccountDeletion;
import com.lanonasis.gateway.application.account.port.in.AccountErased;
import com.lanonasis.gateway.application.account.port.in.ChangePasswordUseCase;
import com.lanonasis.gateway.application.account.port.in.ConnectedAppsUseCase;
import com.lanonasis.gateway.application.account.port.in.DeleteOwnAccountUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageProfileUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageSessionsUseCase;
import com.lanonasis.gateway.application.account.port.in.PasswordChange;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.RotateApiKeyUseCase;
import com.lanonasis.gateway.domain.shared.CredentialKind;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;

/**
 * The signed-in person's own account over REST. Every call takes the browser session cookie (what
 * the account page uses; a state-changing call with the cookie must come from this service's own
 * pages, by Fetch metadata and {@code Origin}), a login token, or, where the use case allows it,
 * an API key or OAuth token: reading the profile and managing API keys do; the password, sessions,
 * connected apps and deleting the account answer {@code 403 first_party_credential_required} to them.
 */
@Controller("/api/v1/account")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountController {

    private final ManageProfileUseCase profiles;
    private final ChangePasswordUseCase passwords;
    private final ManageSessionsUseCase sessions;
    private final ConnectedAppsUseCase apps;
    private final DeleteOwnAccountUseCase deletion;
    private final CreateApiKeyUseCase createKey;
    private final ListApiKeysUseCase listKeys;
    private final RotateApiKeyUseCase rotateKey;
    private final RevokeApiKeyUseCase revokeKey;
    private final Callers callers;
    private final BrowserForms forms;
    private final ClientAddress addresses;
    private final Clock clock;

    AccountController(ManageProfileUseCase profiles, ChangePasswordUseCase passwords, ManageSessionsUseCase sessions,
                      ConnectedAppsUseCase apps, DeleteOwnAccountUseCase deletion, CreateApiKeyUseCase createKey,
                      ListApiKeysUseCase listKeys, RotateApiKeyUseCase rotateKey, RevokeApiKeyUseCase revokeKey,
                      Callers callers, BrowserForms forms, ClientAddress addresses, Clock clock) {
        this.clock = clock;
        this.profiles = profiles;
        this.passwords = passwords;
        this.sessions = sessions;
        this.apps = apps;
        this.deletion = deletion;
        this.createKey = createKey;
        this.listKeys = listKeys;
        this.rotateKey = rotateKey;
        this.revokeKey = revokeKey;
        this.callers = callers;
        this.forms = forms;
        this.addresses = addresses;
    }

    /** The caller; a session-cookie call that changes something must come from one of our own pages. */
    private Principal caller(HttpRequest<?> request) {
        Principal caller = callers.requireWithSession(request);
        if (caller.via() == CredentialKind.WEB_SESSION && request.getMethod() != HttpMethod.GET
                && !forms.fromOurOwnPage(request)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "cross_site_request",
                    "a browser session may change the account only from this service's own pages");
        }
        return caller;
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store");
    }

    @Get
    HttpResponse<Profile> profile(HttpRequest<?> request) {
        return noStore(HttpResponse.ok(Profile.of(Rejections.valueOf(profiles.profile(caller(request))))));
    }

    @Patch
    HttpResponse<Profile> rename(HttpRequest<?> request, @Body ProfileBody body) {
        return noStore(HttpResponse.ok(Profile.of(Rejections.valueOf(profiles.rename(caller(request), body.name())))));
    }

    @Post("/password")
    HttpResponse<PasswordChangedView> changePassword(HttpRequest<?> request, @Body PasswordBody body) {
        ChangePasswordUseCase.PasswordChanged changed = Rejections.valueOf(passwords.change(caller(request),
                new PasswordChange(body.currentPassword(), body.newPassword(), addresses.of(request))));
        return noStore(HttpResponse.ok(new PasswordChangedView(changed.sessionsEnded(), changed.grantsRevoked())));
    }

    @Get("/sessions")
    HttpResponse<SessionList> sessions(HttpRequest<?> request) {
        return noStore(HttpResponse.ok(new SessionList(Rejections.valueOf(sessions.sessions(caller(request))).stream()
                .map(SessionView::of).toList())));
    }

    @Delete("/sessions/{sessionId}")
    HttpResponse<Void> signOut(HttpRequest<?> request, @PathVariable String sessionId) {
        Rejections.valueOf(sessions.signOut(caller(request), sessionId));
        return HttpResponse.noContent();
    }

    /** Signs out every other session (the calling one stays). */
    @Delete("/sessions")
    HttpResponse<Ended> signOutOthers(HttpRequest<?> request) {
        return noStore(HttpResponse.ok(new Ended(Rejections.valueOf(sessions.signOutOthers(caller(request))))));
    }

    @Get("/apps")
    HttpResponse<AppList> apps(HttpRequest<?> request) {
        return noStore(HttpResponse.ok(new AppList(Rejections.valueOf(apps.apps(caller(request))).stream()
                .map(AppView::of).toList())));
    }

    @Delete("/apps/{clientId}")
    HttpResponse<Revoked> withdraw(HttpRequest<?> request, @PathVariable String clientId) {
        return noStore(HttpResponse.ok(new Revoked(Rejections.valueOf(apps.withdraw(caller(request), clientId)))));
    }

    @Get("/api-keys")
    HttpResponse<KeyList> keys(HttpRequest<?> request) {
        Instant now = clock.instant();
        return noStore(HttpResponse.ok(new KeyList(Rejections.valueOf(listKeys.list(caller(request))).stream()
                .map(key -> KeyView.of(key, now)).toList())));
    }

    @Post("/api-keys")
    HttpResponse<IssuedKey> createKey(HttpRequest<?> request, @Body NewKeyBody body) {
        return noStore(HttpResponse.created(IssuedKey.of(Rejections.valueOf(createKey.create(caller(request),
                new NewApiKeyRequest(body.name(), body.scopes(), body.expiresIn()))))));
    }

    @Post("/api-keys/{id}/rotate")
    HttpResponse<IssuedKey> rotateKey(HttpRequest<?> request, @PathVariable String id) {
        return noStore(HttpResponse.ok(IssuedKey.of(Rejections.valueOf(rotateKey.rotate(caller(request), id)))));
    }

    @Delete("/api-keys/{id}")
    HttpResponse<Void> revokeKey(HttpRequest<?> request, @PathVariable String id) {
        Rejections.valueOf(revokeKey.revoke(caller(request), id));
        return HttpResponse.noContent();
    }

    @Delete
    HttpResponse<Deleted> delete(HttpRequest<?> request, @Nullable @Body DeleteBody body) {
        return deleteAccount(request, body);
    }

    /** The same as {@code DELETE /api/v1/account}, for clients that cannot send a body with DELETE. */
    @Post("/delete")
    HttpResponse<Deleted> deleteByPost(HttpRequest<?> request, @Nullable @Body DeleteBody body) {
        return deleteAccount(request, body);
    }

    private HttpResponse<Deleted> deleteAccount(HttpRequest<?> request, DeleteBody body) {
        Principal caller = caller(request);
        Outcome<AccountErased> outcome = deletion.delete(caller, new AccountDeletion(
                body == null ? null : body.confirm(), body == null ? null : body.password(), addresses.of(request)));
        if (outcome instanceof Outcome.Rejected<AccountErased> refused
                && refused.rejection() instanceof Rejection.Refused reason
                && reason.code().equals("confirmation_required")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, reason.code(), reason.message());
        }
        AccountErased deleted = Rejections.valueOf(outcome);
        MutableHttpResponse<Deleted> response = noStore(HttpResponse.ok(new Deleted(deleted.userId(),
                deleted.memoriesDeleted())));
        return caller.via() == CredentialKind.WEB_SESSION ? response.cookie(forms.expired(Callers.SESSION_COOKIE))
                : response;
    }
}
