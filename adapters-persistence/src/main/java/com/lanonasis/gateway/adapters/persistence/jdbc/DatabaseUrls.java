package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a database URL as operators paste it: a JDBC URL, or the libpq form Neon and Supabase
 * hand out ({@code postgresql://user:password@host:port/db?sslmode=require&channel_binding=require}).
 */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /**
     * @param setting the name of the setting the URL came from, for the error message
     * @throws IllegalArgumentException naming the setting, never echoing a password
     */
    public static DatabaseSettings settings(String setting, String url, String username, String password,
                                            int maxPoolSize) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(setting + " is empty: give a jdbc: or postgresql:// URL");
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:h2:") || trimmed.startsWith("jdbc:postgresql:")) {
            return new DatabaseSettings(trimmed, username, password, maxPoolSize);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(setting + " must start with jdbc:h2:, jdbc:postgresql:, postgresql:// "
                    + "or postgres://");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " is not a valid URL (check the characters in the password: "
                    + "they must be percent-encoded)");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(setting + " needs a host and a database name: "
                    + "postgresql://user:password@host:port/database");
        }
        String user = username;
        String secret = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            secret = parts.length > 1 ? decode(parts[1]) : password;
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        List<String> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                // libpq spells it channel_binding; the JDBC driver, channelBinding
                parameters.add(parameter.startsWith("channel_binding=")
                        ? "channelBinding=" + parameter.substring("channel_binding=".length()) : parameter);
            }
        }
        if (!parameters.isEmpty()) {
            jdbc.append('?').append(String.join("&", parameters));
        }
        return new DatabaseSettings(jdbc.toString(), user, secret, maxPoolSize);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
