package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8628 end to end: the device asks, a signed-in user approves on the page, the device polls. */
@MicronautTest
@Property(name = "onasis.oauth.device-interval", value = "1s")
class DeviceFlowTest extends OAuthTestSupport {

    @Test
    void approvedDeviceGetsTokensAfterPending() throws Exception {
        DeviceAuthorizationSuccessResponse started = start();
        assertEquals(1, started.getInterval());
        assertTrue(started.getUserCode().getValue().matches("[B-Z]{4}-[B-Z]{4}"));
        assertTrue(started.getVerificationURIComplete().toString().contains("user_code="));

        TokenResponse pending = poll(started);
        assertEquals("authorization_pending", pending.toErrorResponse().getErrorObject().getCode());
        TokenResponse tooFast = poll(started);
        assertEquals("slow_down", tooFast.toErrorResponse().getErrorObject().getCode());

        decide(started, "approve");
        Thread.sleep(6_100);
        TokenResponse approved = poll(started);

        assertTrue(approved.indicatesSuccess(), () -> approved.toErrorResponse().getErrorObject().toString());
        String accessToken = approved.toSuccessResponse().getTokens().getAccessToken().getValue();
        assertEquals(200, restGet("/api/v1/memory", accessToken).statusCode());
        Thread.sleep(6_100); // the interval grew by 5 s at slow_down (RFC 8628 §3.5)
        assertEquals("invalid_grant", poll(started).toErrorResponse().getErrorObject().getCode(), "used once");
    }

    /**
     * A device polling on a fixed one-interval cadence (as a timer-driven client does) for longer
     * than the old per-address limit allowed is never told to slow down, and finishes once the
     * person approves. (Per-address limits on /oauth/token are off in the test profile.)
     */
    @Test
    void aCompliantPollerIsNeverRefusedAndFinishesAfterApproval() throws Exception {
        DeviceAuthorizationSuccessResponse started = start();
        long interval = started.getInterval() * 1000L;
        long begin = System.currentTimeMillis();
        int polls = 0;
        for (; polls < 14; polls++) {
            waitUntil(begin + polls * interval);
            TokenResponse pending = poll(started);
            assertEquals("authorization_pending", pending.toErrorResponse().getErrorObject().getCode(),
                    "poll " + (polls + 1));
        }

        decide(started, "approve");
        waitUntil(begin + polls * interval);
        TokenResponse approved = poll(started);

        assertTrue(approved.indicatesSuccess(), () -> approved.toErrorResponse().getErrorObject().toString());
    }

    private static void waitUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void deniedDeviceGetsAccessDenied() throws Exception {
        DeviceAuthorizationSuccessResponse started = start();

        decide(started, "deny");

        assertEquals("access_denied", poll(started).toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void unknownCodeOnThePageIsNotFoundAndLooseTypingWorks() throws Exception {
        DeviceAuthorizationSuccessResponse started = start();
        Browser browser = new Browser(base);
        String back = browser.signIn(browser.get("/oauth/device"), email, password);
        assertEquals(200, browser.get(back).statusCode());

        assertEquals(404, browser.get("/oauth/device?user_code=BBBB-BBBB").statusCode());
        String typed = started.getUserCode().getValue().toLowerCase().replace("-", " ");
        HttpResponse<String> confirm = browser.get("/oauth/device?user_code="
                + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("Lanonasis CLI"));
    }

    @Test
    void unknownClientCannotStart() throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                endpoint("/oauth/device"), new com.nimbusds.oauth2.sdk.id.ClientID("nobody")).toHTTPRequest().send());

        assertEquals("invalid_client", response.toErrorResponse().getErrorObject().getCode());
    }

    private DeviceAuthorizationSuccessResponse start() throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                endpoint("/oauth/device"), CLI, new Scope("memories:read")).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private TokenResponse poll(DeviceAuthorizationSuccessResponse started) {
        return send(new TokenRequest.Builder(endpoint("/oauth/token"), CLI,
                new DeviceCodeGrant(started.getDeviceCode())).build());
    }

    private void decide(DeviceAuthorizationSuccessResponse started, String decision) {
        Browser browser = new Browser(base);
        URI complete = started.getVerificationURIComplete();
        String page = endpoint(complete.getPath()) + "?" + complete.getRawQuery();
        String back = browser.signIn(browser.get(page), email, password);
        HttpResponse<String> confirm = browser.get(back);
        assertEquals(200, confirm.statusCode(), confirm.body());
        Map<String, String> form = new LinkedHashMap<>(Browser.hiddenFields(confirm));
        form.put("decision", decision);
        HttpResponse<String> done = browser.post("/oauth/device/decide", form);
        assertEquals(200, done.statusCode(), done.body());
    }
}
