package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;

/** RFC 8628: start on the device, approve in a browser; the device polls the token endpoint. */
public interface DeviceFlowUseCase {

    OAuthResult<DeviceStart> start(ClientAuthentication client, String scope, List<String> resources);

    /**
     * The pending authorization a user code names, with its client, for the approval page.
     * Wrong codes are counted per user and per address; past the limit every lookup is
     * {@code RateLimited} for a while, so user codes cannot be guessed from the page.
     */
    Outcome<PendingDevice> find(UserId user, String address, String userCode);

    /** Approves or denies; the code lookup counts against the same guessing limit as {@link #find}. */
    Outcome<String> decide(UserId user, String address, String userCode, boolean approved);

    record PendingDevice(DeviceAuthorization authorization, OAuthClient client) {
    }
}
