package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads how a client authenticates at the token, revocation, introspection and device
 * endpoints: HTTP Basic (RFC 6749 §2.3.1, form-encoded id and secret), or {@code client_id} and
 * {@code client_secret} in the body, or only {@code client_id} for a public client.
 */
public final class ClientCredentialsReader {

    private static final String BASIC = "Basic ";

    private ClientCredentialsReader() {
    }

    /** Empty when the Authorization header is Basic but unreadable: that is invalid_client. */
    public static Optional<ClientAuthentication> read(HttpRequest<?> request, String formClientId,
                                                      String formClientSecret) {
        Optional<String> authorization = request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BASIC, 0, BASIC.length()));
        if (authorization.isPresent()) {
            return basic(authorization.get().substring(BASIC.length()).strip())
                    .filter(basic -> formClientId == null || formClientId.equals(basic.clientId()))
                    .filter(basic -> formClientSecret == null);
        }
        if (formClientSecret != null) {
            return Optional.of(new ClientAuthentication(formClientId, formClientSecret,
                    ClientAuthentication.Method.POST));
        }
        return Optional.of(new ClientAuthentication(formClientId, null, ClientAuthentication.Method.NONE));
    }

    /** Whether the request tried HTTP Basic: its failure must be answered with a Basic challenge. */
    public static boolean usedBasic(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BASIC, 0, BASIC.length())).isPresent();
    }

    private static Optional<ClientAuthentication> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return Optional.of(new ClientAuthentication(id, secret.isEmpty() ? null : secret,
                    ClientAuthentication.Method.BASIC));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
