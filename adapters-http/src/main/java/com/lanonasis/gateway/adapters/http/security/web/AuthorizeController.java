package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.adapters.http.shared.PublicUrl;
import com.lanonasis.gateway.adapters.http.oauth.Form;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationRequest;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizeUseCase;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpParameters;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorization endpoint (RFC 6749 §3.1, PKCE, RFC 9207 {@code iss}) and its consent page.
 * Errors about the client or redirect URI are shown as a page and never redirected.
 */
@Controller
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthorizeController {

    private static final String[] SINGLE_VALUED = {"client_id", "redirect_uri", "response_type", "scope", "state",
        "code_challenge", "code_challenge_method"};

    private final AuthorizeUseCase authorize;
    private final Callers callers;
    private final BrowserForms forms;
    private final String issuer;
    private final Set<String> trustedDocumentHosts;

    AuthorizeController(AuthorizeUseCase authorize, Callers callers, BrowserForms forms,
                        PublicUrl publicUrl,
                        @Value("${onasis.oauth.cimd.trusted-hosts:}") List<String> trustedDocumentHosts) {
        this.trustedDocumentHosts = trustedDocumentHosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.authorize = authorize;
        this.callers = callers;
        this.forms = forms;
        this.issuer = publicUrl.base();
    }

    @Get(uris = {"/oauth/authorize", "/authorize"}, produces = MediaType.TEXT_HTML)
    HttpResponse<String> authorize(HttpRequest<?> request) {
        HttpParameters query = request.getParameters();
        for (String name : SINGLE_VALUED) {
            if (query.getAll(name).size() > 1) {
                return Html.error(HttpStatus.BAD_REQUEST, "This sign-in cannot continue",
                    "The app's request names " + name + " more than once, so it was not accepted.",
                    "Go back to the app and try again. If it happens again, tell the app's developer.");
            }
        }
        AuthorizationRequest authorizationRequest = new AuthorizationRequest(query.get("client_id"),
                query.get("redirect_uri"), query.get("response_type"), query.get("scope"), query.get("state"),
                query.get("code_challenge"), query.get("code_challenge_method"), query.getAll("resource"));
        Optional<Principal> user = callers.browserUser(request);
        return authorize.authorize(authorizationRequest, user.map(Principal::userId)).match(new Answer(request));
    }

    @Post(uris = {"/oauth/authorize/consent", "/authorize/consent"}, produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> consent(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<MutableHttpResponse<String>> refused = forms.refusal(request, form, "Start again from the app.");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Principal> user = callers.browserUser(request);
        if (user.isEmpty()) {
            return signedOut();
        }
        boolean approved = "approve".equals(form.get().get("decision"));
        return authorize.answerConsent(user.get().userId(), form.get().get("pending"), approved)
                .match(new Answer(request));
    }

    private static HttpResponse<String> signedOut() {
        return Html.error(HttpStatus.UNAUTHORIZED, "You were signed out",
                "Your session here ended before you answered, so nothing was shared.",
                "Go back to the app and connect again; you will be asked to sign in.");
    }

    /** The page or redirect for each next step the authorization use case names. */
    private final class Answer implements AuthorizationAnswer.Cases<HttpResponse<String>> {

        private final HttpRequest<?> request;

        Answer(HttpRequest<?> request) {
            this.request = request;
        }

        @Override
        public HttpResponse<String> refused(AuthorizationAnswer.Refused refused) {
            return Html.page(HttpStatus.BAD_REQUEST, "This sign-in cannot continue",
                    "<p>The app that sent you here made a request this service cannot accept, so nothing was "
                            + "shared with it.</p><p>The reason: " + Html.escape(refused.description()) + ".</p>"
                            + "<p class=\"next\">Go back to the app and try again. If it happens again, tell the "
                            + "app's developer this code: <code>" + Html.escape(refused.error()) + "</code></p>");
        }

        @Override
        public HttpResponse<String> redirectError(AuthorizationAnswer.RedirectError error) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("error", error.error());
            params.put("error_description", error.description());
            params.put("state", error.state());
            params.put("iss", issuer);
            return redirect(error.redirectUri(), params);
        }

        /** Back to this same request after signing in; a consent answered without a session starts over. */
        @Override
        public HttpResponse<String> loginRequired(AuthorizationAnswer.LoginRequired answer) {
            if (!HttpMethod.GET.equals(request.getMethod())) {
                return signedOut();
            }
            String back = request.getPath() + "?" + request.getUri().getRawQuery();
            return HttpResponse.seeOther(URI.create("/web/login?return_to="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }

        @Override
        public HttpResponse<String> redirectWithCode(AuthorizationAnswer.RedirectWithCode code) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("code", code.code());
            params.put("state", code.state());
            params.put("iss", issuer);
            return redirect(code.redirectUri(), params);
        }

        @Override
        public HttpResponse<String> consentRequired(AuthorizationAnswer.ConsentRequired consent) {
            String csrf = forms.csrfToken(request);
            String redirectOrigin = new RedirectUri(consent.pending().redirectUri()).origin();
            String body = AppIntro.of(consent.client(), trustedDocumentHosts) + "<p>It asks to:</p>"
                    + ScopeWords.list(consent.pending().scopes())
                    + "<p class=\"destination\">If you allow it, you will be sent to "
                    + Destination.describe(consent.pending().redirectUri()) + ".</p>"
                    + "<form method=\"post\" action=\"/oauth/authorize/consent\">"
                    + Html.hidden(BrowserForms.CSRF_FIELD, csrf) + Html.hidden("pending", consent.pending().id())
                    + "<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>"
                    + "<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny</button></div>"
                    + "</form>";
            return forms.remember(Html.page(HttpStatus.OK, "Allow access to your memories?", body, redirectOrigin), csrf);
        }
    }

    private static HttpResponse<String> redirect(String redirectUri, Map<String, String> params) {
        String query = params.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String separator = redirectUri.contains("?") ? "&" : "?";
        return HttpResponse.<String>status(HttpStatus.FOUND).header("Location", redirectUri + separator + query)
                .header("Cache-Control", "no-store");
    }
}
