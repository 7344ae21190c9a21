package com.lanonasis.gateway.application.auth.port.in;

import java.util.function.Consumer;

/**
 * Keeps checking the credential a long-lived connection (an SSE stream, a WebSocket) was opened
 * with, so that revoking an API key or token, its expiry, or the end of the user ends the
 * connection too, not only the next request.
 */
public interface WatchCredentialUseCase {

    /**
     * Checks {@code credential} for {@code resource} on every period until stopped; the first time
     * it fails, {@code onLost} runs once with the reason and the watch ends.
     */
    Watch watch(Credential credential, ProtectedResource resource, Consumer<Authentication.CredentialProblem> onLost);

    /** A running watch. */
    interface Watch {
        void stop();
    }
}
