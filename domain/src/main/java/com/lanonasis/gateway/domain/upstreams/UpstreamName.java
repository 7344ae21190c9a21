package com.lanonasis.gateway.domain.upstreams;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import java.util.regex.Pattern;

/** The name of an upstream MCP server: one path segment of {@code /servers/<name>/mcp}. */
public record UpstreamName(String value) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public UpstreamName {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new InvalidValue("name", "name must be 1 to 63 lower-case letters, digits or '-', starting with a"
                    + " letter or digit");
        }
    }

    /** The public path the gateway serves this upstream at. */
    public String path() {
        return "/servers/" + value + "/mcp";
    }

    @Override
    public String toString() {
        return value;
    }
}
