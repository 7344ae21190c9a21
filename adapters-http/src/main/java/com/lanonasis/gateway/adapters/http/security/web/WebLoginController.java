package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.oauth.Form;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.NewWebSession;
import com.lanonasis.gateway.application.identity.port.in.WebSessionUseCase;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The browser sign-in page behind the authorization and device flows. */
@Controller("/web")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebLoginController {

    private final WebSessionUseCase sessions;
    private final Callers callers;
    private final BrowserForms forms;
    private final ClientAddress addresses;

    WebLoginController(WebSessionUseCase sessions, Callers callers, BrowserForms forms, ClientAddress addresses) {
        this.sessions = sessions;
        this.callers = callers;
        this.forms = forms;
        this.addresses = addresses;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    HttpResponse<String> loginPage(HttpRequest<?> request, @Nullable @QueryValue("return_to") String returnTo) {
        String csrf = forms.csrfToken(request);
        Optional<Principal> user = callers.browserUser(request);
        if (user.isPresent() && returnTo != null) {
            return HttpResponse.seeOther(URI.create(forms.safeReturn(returnTo)));
        }
        if (user.isPresent()) {
            return forms.remember(Html.page(HttpStatus.OK, "Signed in", "<p>Signed in as "
                    + Html.escape(user.get().email()) + ". You can go back to the app that sent you here.</p>"
                    + "<form method=\"post\" action=\"/web/logout\">" + Html.hidden(BrowserForms.CSRF_FIELD, csrf)
                    + "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">Sign out</button></div></form>",
                    null), csrf);
        }
        return forms.remember(loginForm(HttpStatus.OK, csrf, forms.safeReturn(returnTo), null, null), csrf);
    }

    @Post(value = "/login", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> logIn(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> parsed = forms.parse(request, body);
        Optional<MutableHttpResponse<String>> notOurs = forms.refusal(request, parsed, "Go back and try again.");
        if (notOurs.isPresent()) {
            return notOurs.get();
        }
        Form form = parsed.get();
        String returnTo = form.get("return_to");
        Outcome<NewWebSession> result = sessions.signIn(new LogIn(form.get("email"), form.get("password"), addresses.of(request)),
                Callers.sessionId(request).orElse(null), request.getHeaders().get("User-Agent"));
        if (result instanceof Outcome.Rejected<NewWebSession> refused
                && refused.rejection() instanceof Rejection.RateLimited limited) {
            long seconds = Math.max(1, limited.retryAfter().toSeconds());
            return loginForm(HttpStatus.TOO_MANY_REQUESTS, forms.csrfToken(request), forms.safeReturn(returnTo),
                    form.get("email"), "Too many failed attempts for this account, so sign-in is paused. Try again in "
                            + Math.max(1, (seconds + 59) / 60) + " minutes.")
                    .header("Retry-After", String.valueOf(seconds));
        }
        if (!(result instanceof Outcome.Done<NewWebSession> done)) {
            String csrf = forms.csrfToken(request);
            return loginForm(HttpStatus.UNAUTHORIZED, csrf, forms.safeReturn(returnTo), form.get("email"),
                    "The email or password is incorrect. Check both and try again.");
        }
        NewWebSession session = done.value();
        MutableHttpResponse<String> redirect = HttpResponse.seeOther(URI.create(forms.safeReturn(returnTo)));
        return redirect.cookie(forms.cookie(Callers.SESSION_COOKIE, session.sessionId(), session.lifetime()));
    }

    /** A link (or a prefetch, or an image on another site) never signs out: it shows the form that does. */
    @Get(value = "/logout", produces = MediaType.TEXT_HTML)
    HttpResponse<String> logOutPage(HttpRequest<?> request) {
        if (callers.browserUser(request).isEmpty()) {
            return Html.page(HttpStatus.OK, "Signed out", "<p>You are not signed in here.</p>", null);
        }
        String csrf = forms.csrfToken(request);
        return forms.remember(Html.page(HttpStatus.OK, "Sign out?", "<p>Sign out of this service in this browser?</p>"
                + "<form method=\"post\" action=\"/web/logout\">" + Html.hidden(BrowserForms.CSRF_FIELD, csrf)
                + "<div class=\"actions\"><button type=\"submit\" autofocus>Sign out</button></div></form>", null), csrf);
    }

    @Post(value = "/logout", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> logOut(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<MutableHttpResponse<String>> refused = forms.refusal(request, forms.parse(request, body),
                "Go back and try again.");
        if (refused.isPresent()) {
            return refused.get();
        }
        return signOut(request);
    }

    private HttpResponse<String> signOut(HttpRequest<?> request) {
        Callers.sessionId(request).ifPresent(sessions::signOut);
        return Html.page(HttpStatus.OK, "Signed out", "<p>You are signed out of Onasis in this browser. "
                + "Apps you allowed keep their access until you revoke it.</p>", null)
                .cookie(forms.expired(Callers.SESSION_COOKIE));
    }

    /** @param returnTo already made safe by {@link BrowserForms#safeReturn} */
    private static MutableHttpResponse<String> loginForm(HttpStatus status, String csrf, String returnTo, String email,
                                                         String problem) {
        boolean emailKnown = email != null && !email.isBlank();
        String body = (problem == null ? "" : "<p role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/web/login\">"
                + Html.hidden(BrowserForms.CSRF_FIELD, csrf)
                + Html.hidden("return_to", returnTo)
                + "<p><label for=\"email\">Email</label><input id=\"email\" type=\"email\" name=\"email\""
                + " autocomplete=\"username\" required" + (emailKnown ? "" : " autofocus") + " value=\""
                + Html.escape(email) + "\"></p>"
                + "<p><label for=\"password\">Password</label><input id=\"password\" type=\"password\" name=\"password\""
                + " autocomplete=\"current-password\" required" + (emailKnown ? " autofocus" : "") + "></p>"
                + "<div class=\"actions\"><button type=\"submit\">Sign in</button></div></form>";
        return Html.page(status, "Sign in to Onasis", body, continuingTo(returnTo));
    }

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+");

    /**
     * The origin a sign-in that returns to an authorization request may end up at: a person who
     * already allowed the app is sent from the login form through {@code /oauth/authorize} straight
     * to the app's redirect URI, and browsers hold every redirect after a form post to the page's
     * {@code form-action}. Only widens the CSP; the authorization endpoint still decides whether that
     * redirect URI is the client's.
     */
    static String continuingTo(String returnTo) {
        if (returnTo == null || !(returnTo.startsWith("/oauth/authorize?") || returnTo.startsWith("/authorize?"))) {
            return null;
        }
        for (String pair : returnTo.substring(returnTo.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                try {
                    URI uri = new URI(URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8));
                    if (uri.getHost() == null || uri.getScheme() == null) {
                        return null;
                    }
                    String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                            + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
                    return ORIGIN.matcher(origin).matches() ? origin : null;
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
