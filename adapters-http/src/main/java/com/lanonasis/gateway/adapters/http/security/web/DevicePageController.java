package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.adapters.http.edge.ClientAddress;
import com.lanonasis.gateway.adapters.http.oauth.Form;
import com.lanonasis.gateway.adapters.http.security.Callers;
import com.lanonasis.gateway.application.oauth.port.in.DeviceFlowUseCase;
import com.lanonasis.gateway.application.oauth.port.in.DeviceFlowUseCase.PendingDevice;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The page where a signed-in user enters a device's user code and approves or denies it (RFC 8628 §3.3). */
@Controller("/oauth/device")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
final class DevicePageController {

    private final DeviceFlowUseCase devices;
    private final Callers callers;
    private final BrowserForms forms;
    private final ClientAddress addresses;

    DevicePageController(DeviceFlowUseCase devices, Callers callers, BrowserForms forms, ClientAddress addresses) {
        this.devices = devices;
        this.addresses = addresses;
        this.callers = callers;
        this.forms = forms;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @Nullable @QueryValue("user_code") String userCode) {
        Optional<Principal> user = callers.browserUser(request);
        if (user.isEmpty()) {
            String back = "/oauth/device" + (userCode == null ? ""
                    : "?user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8));
            return HttpResponse.seeOther(URI.create("/web/login?return_to="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8)));
        }
        String csrf = forms.csrfToken(request);
        if (userCode == null || userCode.isBlank()) {
            return forms.remember(entryForm(HttpStatus.OK, null), csrf);
        }
        Outcome<PendingDevice> pending = devices.find(user.get().userId(), addresses.of(request), userCode);
        if (pending instanceof Outcome.Rejected<PendingDevice> rejected
                && rejected.rejection() instanceof Rejection.RateLimited limited) {
            return tooManyGuesses(limited);
        }
        if (!(pending instanceof Outcome.Done<PendingDevice> found)) {
            return forms.remember(entryForm(HttpStatus.NOT_FOUND,
                    "That code was not found: it may be mistyped, already used, or expired. Check the code your "
                            + "device shows and type it again, or start again on the device to get a new one."), csrf);
        }
        PendingDevice device = found.value();
        String body = "<p>Check that your device shows this code:</p><p class=\"usercode\">"
                + Html.escape(device.authorization().userCode()) + "</p>" + AppIntro.of(device.client())
                + "<p>If you allow it, the device can:</p>" + ScopeWords.list(device.authorization().scopes())
                + "<form method=\"post\" action=\"/oauth/device/decide\">"
                + Html.hidden(BrowserForms.CSRF_FIELD, csrf)
                + Html.hidden("user_code", device.authorization().userCode())
                + "<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>"
                + "<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny</button></div>"
                + "</form>";
        return forms.remember(Html.page(HttpStatus.OK, "Connect this device?", body, null), csrf);
    }

    @Post(value = "/decide", produces = MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<String> decide(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<Form> form = forms.parse(request, body);
        Optional<MutableHttpResponse<String>> refused = forms.refusal(request, form, "Enter the code again.");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Principal> user = callers.browserUser(request);
        if (user.isEmpty()) {
            return Html.error(HttpStatus.UNAUTHORIZED, "You were signed out",
                    "Your session here ended before you answered, so the device was not connected.",
                    "Open the link your device shows again; you will be asked to sign in.");
        }
        boolean approved = "approve".equals(form.get().get("decision"));
        Outcome<String> decided = devices.decide(user.get().userId(), addresses.of(request),
                form.get().get("user_code"), approved);
        if (decided instanceof Outcome.Rejected<String> rejected
                && rejected.rejection() instanceof Rejection.RateLimited limited) {
            return tooManyGuesses(limited);
        }
        if (!(decided instanceof Outcome.Done<String>)) {
            return Html.error(HttpStatus.NOT_FOUND, "Code not found",
                    "That code was not found: it may have been used already, or it expired.",
                    "Start again on your device to get a new code.");
        }
        return Html.page(HttpStatus.OK, approved ? "Device connected" : "Request denied", approved
                ? "<p>Your device now has access. You can close this page and return to your device.</p>"
                : "<p>The device was not given access. You can close this page.</p>", null);
    }

    private static MutableHttpResponse<String> tooManyGuesses(Rejection.RateLimited limited) {
        long seconds = Math.max(1, limited.retryAfter().toSeconds());
        return Html.error(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong codes",
                "Too many codes entered here were wrong, so code entry is paused. Try again in "
                        + Math.max(1, (seconds + 59) / 60) + " minutes, and copy the code exactly as your device shows it.")
                .header("Retry-After", String.valueOf(seconds));
    }

    private static MutableHttpResponse<String> entryForm(HttpStatus status, String problem) {
        String body = (problem == null ? "" : "<p role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<p>Enter the code your device (for example a command-line tool) shows you.</p>"
                + "<form method=\"get\" action=\"/oauth/device\"><p><label for=\"user_code\">Code</label>"
                + "<input id=\"user_code\" name=\"user_code\" autocomplete=\"one-time-code\" autocapitalize=\"characters\""
                + " spellcheck=\"false\" placeholder=\"BCDF-GHJK\" maxlength=\"20\" required autofocus></p>"
                + "<div class=\"actions\"><button type=\"submit\">Continue</button></div></form>";
        return Html.page(status, "Connect a device", body, null);
    }
}
