package com.lanonasis.gateway.domain.upstreams;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.PlainText;
import com.lanonasis.gateway.domain.shared.Secret;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The gateway's own credential for an upstream (e.g. {@code Authorization: Bearer <upstream key>}),
 * sent on every proxied request instead of the client's, which is never forwarded. Stored as given
 * (it must be sent as it is) and never shown back: responses name the header only.
 */
public final class UpstreamCredential implements Secret {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    /** Headers that describe the message or the caller's identity, which a credential must not replace. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "content-type", "accept",
            "transfer-encoding", "connection", "mcp-session-id", "mcp-protocol-version", "last-event-id",
            "x-onasis-user-id", "x-onasis-email", "x-onasis-scopes", "x-onasis-client-id");

    private final String header;
    private final String value;

    public UpstreamCredential(String header, String value) {
        if (header == null || !TOKEN.matcher(header).matches() || RESERVED.contains(header.toLowerCase(Locale.ROOT))) {
            throw new InvalidValue("credential_header", "credential_header must be an HTTP header name other than"
                    + " the message and identity headers");
        }
        if (value == null || value.isEmpty() || value.length() > 4096) {
            throw new InvalidValue("credential_value", "credential_value must be 1 to 4096 characters");
        }
        PlainText.require("credential_value", value, false);
        this.header = header;
        this.value = value;
    }

    public String header() {
        return header;
    }

    @Override
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UpstreamCredential that && header.equalsIgnoreCase(that.header)
                && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public String toString() {
        return Secret.redacted("UpstreamCredential(" + header + ")");
    }
}
