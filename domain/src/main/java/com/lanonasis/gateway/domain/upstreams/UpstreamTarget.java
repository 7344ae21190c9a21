package com.lanonasis.gateway.domain.upstreams;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.PlainText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where an upstream MCP server runs: a Streamable HTTP endpoint, or a command spoken to over stdio. */
public sealed interface UpstreamTarget {

    /** A Streamable HTTP MCP endpoint (absolute http or https URL, no user info, no fragment). */
    record Http(URI url) implements UpstreamTarget {

        public Http {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new InvalidValue("url", "url must be an absolute http or https URL");
            }
            if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
                throw new InvalidValue("url", "url must not carry user info or a fragment; put a credential in"
                        + " credential_header");
            }
        }

        public static Http parse(String url) {
            try {
                return new Http(new URI(url == null ? "" : url.strip()));
            } catch (URISyntaxException e) {
                throw new InvalidValue("url", "url must be an absolute http or https URL");
            }
        }
    }

    /**
     * A command started once per MCP session that speaks MCP over stdin/stdout (newline-delimited
     * JSON-RPC), its stderr going to the log.
     *
     * @param workingDirectory null for the gateway's own working directory
     */
    record Stdio(String command, List<String> arguments, Map<String, String> environment, String workingDirectory)
            implements UpstreamTarget {

        private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

        public Stdio {
            if (command == null || command.isBlank() || command.length() > 1024) {
                throw new InvalidValue("command", "command must be a program name or path (1 to 1024 characters)");
            }
            PlainText.require("command", command, false);
            arguments = List.copyOf(arguments == null ? List.of() : arguments);
            if (arguments.size() > 64) {
                throw new InvalidValue("args", "at most 64 arguments");
            }
            arguments.forEach(argument -> PlainText.require("args", argument, false));
            Map<String, String> copy = new LinkedHashMap<>();
            (environment == null ? Map.<String, String>of() : environment).forEach((name, value) -> {
                if (!VARIABLE.matcher(name).matches()) {
                    throw new InvalidValue("env", "environment variable names are letters, digits and '_': " + name);
                }
                copy.put(name, PlainText.require("env", value == null ? "" : value, false));
            });
            environment = Map.copyOf(copy);
            if (workingDirectory != null && workingDirectory.isBlank()) {
                workingDirectory = null;
            }
            if (workingDirectory != null) {
                PlainText.require("working_dir", workingDirectory, false);
            }
        }
    }
}
