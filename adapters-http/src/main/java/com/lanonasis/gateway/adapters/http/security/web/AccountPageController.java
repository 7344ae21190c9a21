package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.oauth.Form;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.account.port.in.AccountDeletion;
import com.lanonasis.gateway.application.account.port.in.AccountErased;
import com.lanonasis.gateway.application.account.port.in.ChangePasswordUseCase;
import com.lanonasis.gateway.application.account.port.in.ConnectedApp;
import com.lanonasis.gateway.application.account.port.in.ConnectedAppsUseCase;
import com.lanonasis.gateway.application.account.port.in.DeleteOwnAccountUseCase;
import com.lanonasis.gateway.application.account.port.in.ListedSession;
import com.lanonasis.gateway.application.account.port.in.ManageProfileUseCase;
import com.lanonasis.gateway.application.account.port.in.ManageSessionsUseCase;
import com.lanonasis.gateway.application.account.port.in.PasswordChange;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.RotateApiKeyUseCase;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.keys.IssuedApiKey;
import com.lanonasis.gateway.domain.shared.FieldError;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.shared.Rejection;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signed-in person's account page: profile, password, browser sessions, connected apps, API
 * keys and deleting the account, as plain forms that work without JavaScript. Every post passes the
 * pages' CSRF checks ({@link BrowserForms}) and answers with a redirect back to the page (PRG), except
 * a new or rotated API key, whose secret is shown once on the answer itself (never stored, no-store).
 */
@Controller("/account")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccountPageController {

    private static final String PAGE = "/account";
    private static final String AGAIN = "Open your account page again and retry.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** What the page may say after a redirect: fixed texts only, so a link cannot put words on the page. */
    private static final Map<String, String> DONE = Map.of(
            "profile", "Your name was saved.",
            "password", "Your password was changed. Your other sessions were signed out and apps must ask again.",
            "session", "That session was signed out.",
            "others", "Every other session was signed out.",
            "app", "The app's access was revoked.",
            "key_revoked", "The API key was revoked.");
    private static final Map<String, Long> EXPIRIES = Map.of("never", 0L, "1d", Duration.ofDays(1).toSeconds(),
            "30d", Duration.ofDays(30).toSeconds(), "90d", Duration.ofDays(90).toSeconds(),
            "365d", Duration.ofDays(365).toSeconds());

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

    AccountPageController(ManageProfileUseCase profiles, ChangePasswordUseCase passwords, ManageSessionsUseCase sessions,
                          ConnectedAppsUseCase apps, DeleteOwnAccountUseCase deletion, CreateApiKeyUseCase createKey,
                          ListApiKeysUseCase listKeys, RotateApiKeyUseCase rotateKey, RevokeApiKeyUseCase revokeKey,
                          Callers callers, BrowserForms forms, ClientAddress addresses, Clock clock) {
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
        this.clock = clock;
    }

    private static MutableHttpResponse<String> toLogin() {
        return HttpResponse.seeOther(URI.create("/web/login?return_to=%2Faccount"));
    }

    private static MutableHttpResponse<String> back(String done) {
        return HttpResponse.seeOther(URI.create(PAGE + "?done=" + done));
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue String done) {
        Optional<Principal> caller = callers.browserUser(request);
        if (caller.isEmpty()) {
            return toLogin();
        }
        String csrf = forms.csrfToken(request);
        String notice = done == null || !DONE.containsKey(done) ? ""
                : "<p class=\"done\" role=\"status\">" + Html.escape(DONE.get(done)) + "</p>";
        return forms.remember(render(HttpStatus.OK, caller.get(), csrf, notice), csrf);
    }

    /** A post's common part: signed in, from our own page, with the CSRF token; else the answer to give. */
    private Optional<MutableHttpResponse<String>> refused(HttpRequest<?> request, Optional<Form> form,
                                                          Optional<Principal> caller) {
        if (caller.isEmpty()) {
            return Optional.of(toLogin());
        }
        return forms.refusal(request, form, AGAIN);
    }

    /** The page again with a problem said at the top, in the status the problem deserves. */
    private MutableHttpResponse<String> problem(HttpRequest<?> request, Principal caller, Rejection rejection) {
        HttpStatus status;
        String message;
        if (rejection instanceof Rejection.Invalid invalid) {
            status = HttpStatus.BAD_REQUEST;
            message = invalid.errors().stream().map(FieldError::message).collect(Collectors.joining("; "));
        } else if (rejection instanceof Rejection.Refused refused) {
            status = refused.code().equals("confirmation_required") ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN;
            message = refused.code().equals("wrong_password") ? "The current password is not correct."
                    : refused.code().equals("confirmation_required")
                    ? "To delete your account, type DELETE followed by your e-mail address." : refused.message();
        } else if (rejection instanceof Rejection.RateLimited) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            message = "Too many wrong passwords from here, so this is paused for a while. Try again later.";
        } else if (rejection instanceof Rejection.NotFound) {
            status = HttpStatus.NOT_FOUND;
            message = "That was not found; it may already be gone.";
        } else if (rejection instanceof Rejection.Conflict conflict) {
            status = HttpStatus.CONFLICT;
            message = conflict.message();
        } else if (rejection instanceof Rejection.Forbidden forbidden) {
            status = HttpStatus.FORBIDDEN;
            message = "Your sign-in does not allow this (" + forbidden.required().value() + ").";
        } else {
            status = HttpStatus.FORBIDDEN;
            message = "That was not accepted.";
        }
        String csrf = forms.csrfToken(request);
        return forms.remember(render(status, caller, csrf, "<p role=\"alert\">" + Html.escape(message) + "</p>"), csrf);
    }

    private <T> MutableHttpResponse<String> after(HttpRequest<?> request, Principal caller, Outcome<T> outcome,
                                                  String done) {
        if (outcome instanceof Outcome.Rejected<T> rejected) {
            return problem(request, caller, rejected.rejection());
        }
        return back(done);
    }

    @Post(value = "/profile", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> rename(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), profiles.rename(caller.get(), form.get().get("name")), "profile");
    }

    @Post(value = "/password", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> changePassword(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), passwords.change(caller.get(), new PasswordChange(
                form.get().get("current_password"), form.get().get("new_password"), addresses.of(request))), "password");
    }

    @Post(value = "/sessions/sign-out", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> signOut(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), sessions.signOut(caller.get(), form.get().get("session_id")), "session");
    }

    @Post(value = "/sessions/sign-out-others", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> signOutOthers(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), sessions.signOutOthers(caller.get()), "others");
    }

    @Post(value = "/apps/revoke", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> revokeApp(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), apps.withdraw(caller.get(), form.get().get("client_id")), "app");
    }

    @Post(value = "/keys", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> createKey(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        String expiry = form.get().get("expires");
        Long seconds = EXPIRIES.get(expiry == null ? "never" : expiry);
        if (seconds == null) {
            return problem(request, caller.get(), new Rejection.Invalid(List.of(
                    new FieldError("expires", "Choose one of the offered expiries."))));
        }
        List<String> scopes = form.get().all("scope");
        if (scopes.isEmpty()) {
            return problem(request, caller.get(), new Rejection.Invalid(List.of(
                    new FieldError("scope", "Choose at least one permission for the key."))));
        }
        Outcome<IssuedApiKey> created = createKey.create(caller.get(), new NewApiKeyRequest(form.get().get("name"),
                scopes, seconds == 0 ? null : seconds));
        return shown(request, caller.get(), created, "Your new API key");
    }

    @Post(value = "/keys/{id}/rotate", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> rotateKey(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return shown(request, caller.get(), rotateKey.rotate(caller.get(), id), "Your rotated API key");
    }

    @Post(value = "/keys/{id}/revoke", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> revokeKey(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        return after(request, caller.get(), revokeKey.revoke(caller.get(), id), "key_revoked");
    }

    @Post(value = "/delete", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> delete(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<Principal> caller = callers.browserUser(request);
        Optional<MutableHttpResponse<String>> no = refused(request, form, caller);
        if (no.isPresent()) {
            return no.get();
        }
        Outcome<AccountErased> deleted = deletion.delete(caller.get(), new AccountDeletion(form.get().get("confirm"),
                form.get().get("password"), addresses.of(request)));
        if (deleted instanceof Outcome.Rejected<AccountErased> rejected) {
            return problem(request, caller.get(), rejected.rejection());
        }
        long memories = ((Outcome.Done<AccountErased>) deleted).value().memoriesDeleted();
        return Html.page(HttpStatus.OK, "Account deleted", "<p>Your account and its " + memories
                        + (memories == 1 ? " memory were" : " memories were")
                        + " deleted, with its API keys and app access. You are signed out.</p>")
                .cookie(forms.expired(Callers.SESSION_COOKIE));
    }

    /** A key's secret, shown on this answer only. */
    private MutableHttpResponse<String> shown(HttpRequest<?> request, Principal caller, Outcome<IssuedApiKey> outcome,
                                              String title) {
        if (outcome instanceof Outcome.Rejected<IssuedApiKey> rejected) {
            return problem(request, caller, rejected.rejection());
        }
        IssuedApiKey issued = ((Outcome.Done<IssuedApiKey>) outcome).value();
        ApiKey key = issued.key();
        String grace = key.previousSecretUntil() == null ? ""
                : "<p>The previous secret keeps working until " + Html.escape(WHEN.format(key.previousSecretUntil()))
                + "; update your apps before then.</p>";
        return Html.page(HttpStatus.OK, title, "<p>Copy this key now: it is shown only once.</p>"
                + "<p class=\"secret\" id=\"new-api-key\">" + Html.escape(issued.reveal()) + "</p>"
                + "<p><strong>" + Html.escape(key.name()) + "</strong> · " + Html.escape(key.scopes().spaceDelimited())
                + (key.expiresAt() == null ? "" : " · expires " + Html.escape(WHEN.format(key.expiresAt()))) + "</p>"
                + grace + "<p><a href=\"" + PAGE + "\">Back to your account</a></p>", null, true);
    }

    private MutableHttpResponse<String> render(HttpStatus status, Principal caller, String csrf, String notice) {
        String token = Html.hidden(BrowserForms.CSRF_FIELD, csrf);
        StringBuilder html = new StringBuilder(notice);
        User user = profiles.profile(caller).fold(found -> found, rejection -> null);
        html.append("<p>Signed in as <strong>").append(Html.escape(caller.email())).append("</strong>.</p>");

        html.append("<section id=\"profile\"><h2>Profile</h2><form method=\"post\" action=\"/account/profile\">")
                .append(token).append("<p><label for=\"name\">Name</label><input id=\"name\" type=\"text\" name=\"name\"")
                .append(" maxlength=\"100\" autocomplete=\"name\" value=\"")
                .append(Html.escape(user == null ? "" : user.name())).append("\"></p>")
                .append("<div class=\"actions\"><button type=\"submit\">Save name</button></div></form></section>");

        html.append("<section id=\"password\"><h2>Password</h2><form method=\"post\" action=\"/account/password\">")
                .append(token)
                .append("<p><label for=\"current_password\">Current password</label><input id=\"current_password\"")
                .append(" type=\"password\" name=\"current_password\" autocomplete=\"current-password\" required></p>")
                .append("<p><label for=\"new_password\">New password</label><input id=\"new_password\" type=\"password\"")
                .append(" name=\"new_password\" autocomplete=\"new-password\" minlength=\"8\" required></p>")
                .append("<p class=\"muted\">Changing it signs out your other sessions and every app you allowed.</p>")
                .append("<div class=\"actions\"><button type=\"submit\">Change password</button></div></form></section>");

        html.append("<section id=\"sessions\"><h2>Where you are signed in</h2><ul class=\"items\">");
        List<ListedSession> listed = sessions.sessions(caller).fold(found -> found, rejection -> List.of());
        for (ListedSession session : listed) {
            html.append("<li data-session=\"").append(Html.escape(session.id())).append("\"><span>")
                    .append(Html.escape(session.session().userAgent().isEmpty() ? "Unknown browser"
                            : session.session().userAgent()))
                    .append("<br><small>").append(Html.escape(session.session().clientAddress()))
                    .append(" · signed in ").append(Html.escape(WHEN.format(session.session().createdAt())))
                    .append(" · last seen ").append(Html.escape(WHEN.format(session.session().lastSeenAt())))
                    .append("</small></span>");
            if (session.current()) {
                html.append("<strong>This browser</strong>");
            } else {
                html.append("<form method=\"post\" action=\"/account/sessions/sign-out\">").append(token)
                        .append(Html.hidden("session_id", session.id()))
                        .append("<button type=\"submit\" class=\"secondary\">Sign out</button></form>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
        if (listed.size() > 1) {
            html.append("<form method=\"post\" action=\"/account/sessions/sign-out-others\">").append(token)
                    .append("<div class=\"actions\"><button type=\"submit\" class=\"secondary\">")
                    .append("Sign out all other sessions</button></div></form>");
        }
        html.append("</section>");

        html.append("<section id=\"apps\"><h2>Connected apps</h2>");
        List<ConnectedApp> connected = apps.apps(caller).fold(found -> found, rejection -> List.of());
        if (connected.isEmpty()) {
            html.append("<p class=\"muted\">No app has access to your account.</p>");
        } else {
            html.append("<ul class=\"items\">");
            for (ConnectedApp app : connected) {
                List<String> scopes = app.consentScopes().isEmpty() && !app.grants().isEmpty()
                        ? app.grants().get(0).scopes() : app.consentScopes();
                html.append("<li data-app=\"").append(Html.escape(app.clientId())).append("\"><span><strong>")
                        .append(Html.escape(app.name())).append("</strong><br><small>")
                        .append(Html.escape(String.join(" ", scopes))).append(" · ").append(app.grants().size())
                        .append(app.grants().size() == 1 ? " active grant" : " active grants").append("</small></span>")
                        .append("<form method=\"post\" action=\"/account/apps/revoke\">").append(token)
                        .append(Html.hidden("client_id", app.clientId()))
                        .append("<button type=\"submit\" class=\"secondary\">Revoke access</button></form></li>");
            }
            html.append("</ul>");
        }
        html.append("</section>");

        html.append("<section id=\"keys\"><h2>API keys</h2>");
        List<ApiKey> keys = listKeys.list(caller).fold(found -> found, rejection -> List.of());
        Instant now = clock.instant();
        if (keys.isEmpty()) {
            html.append("<p class=\"muted\">You have no API keys.</p>");
        } else {
            html.append("<ul class=\"items\">");
            for (ApiKey key : keys) {
                String id = Html.escape(key.id().value());
                html.append("<li data-key=\"").append(id).append("\"><span><strong>").append(Html.escape(key.name()))
                        .append("</strong> <code>pk_").append(id).append("</code><br><small>")
                        .append(Html.escape(key.scopes().spaceDelimited()))
                        .append(key.expiresAt() == null ? " · never expires"
                                : " · expires " + Html.escape(WHEN.format(key.expiresAt())))
                        .append(key.lastUsedAt() == null ? " · never used"
                                : " · last used " + Html.escape(WHEN.format(key.lastUsedAt())))
                        .append(key.previousSecretUntil() != null && now.isBefore(key.previousSecretUntil())
                                ? " · previous secret works until " + Html.escape(WHEN.format(key.previousSecretUntil()))
                                : "")
                        .append("</small></span><div class=\"actions\">")
                        .append("<form method=\"post\" action=\"/account/keys/").append(id).append("/rotate\">")
                        .append(token).append("<button type=\"submit\" class=\"secondary\">Rotate</button></form>")
                        .append("<form method=\"post\" action=\"/account/keys/").append(id).append("/revoke\">")
                        .append(token).append("<button type=\"submit\" class=\"secondary\">Revoke</button></form>")
                        .append("</div></li>");
            }
            html.append("</ul>");
        }
        html.append("<form method=\"post\" action=\"/account/keys\">").append(token)
                .append("<p><label for=\"key_name\">New key name</label><input id=\"key_name\" type=\"text\"")
                .append(" name=\"name\" maxlength=\"100\" required></p><fieldset><legend>Permissions</legend>");
        for (String scope : caller.scopes().names()) {
            boolean preset = scope.startsWith("memories:");
            html.append("<label class=\"choice\"><input type=\"checkbox\" name=\"scope\" value=\"")
                    .append(Html.escape(scope)).append("\"").append(preset ? " checked" : "").append("> ")
                    .append(Html.escape(scope)).append("</label>");
        }
        html.append("</fieldset><p><label for=\"expires\">Expires</label><select id=\"expires\" name=\"expires\">")
                .append("<option value=\"never\">never</option><option value=\"1d\">in a day</option>")
                .append("<option value=\"30d\">in 30 days</option><option value=\"90d\" selected>in 90 days</option>")
                .append("<option value=\"365d\">in a year</option></select></p>")
                .append("<div class=\"actions\"><button type=\"submit\">Create key</button></div></form></section>");

        html.append("<section id=\"delete\"><h2>Delete your account</h2><p>This deletes your account, all your ")
                .append("memories, API keys and app access. It cannot be undone.</p>")
                .append("<form method=\"post\" action=\"/account/delete\">").append(token)
                .append("<p><label for=\"confirm\">Type <code>DELETE ").append(Html.escape(caller.email()))
                .append("</code> to confirm</label><input id=\"confirm\" type=\"text\" name=\"confirm\"")
                .append(" autocomplete=\"off\" required></p>")
                .append("<p><label for=\"delete_password\">Password</label><input id=\"delete_password\"")
                .append(" type=\"password\" name=\"password\" autocomplete=\"current-password\" required></p>")
                .append("<div class=\"actions\"><button type=\"submit\" class=\"danger\">Delete my account</button>")
                .append("</div></form></section>");

        html.append("<p><a href=\"/web/logout\">Sign out</a></p>");
        return Html.page(status, "Your account", html.toString(), null, true);
    }
}
