package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a database is and how to reach it.
 *
 * @param url      a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql://...})
 * @param username null when the URL carries it
 * @param password       null when the URL carries it
 * @param connectTimeout how long start-up keeps trying to connect (a scaled-to-zero Neon compute
 *                       takes a few seconds to wake)
 * @param acquireTimeout how long a request waits for a connection before failing with 503
 */
public record DatabaseSettings(String url, String username, String password, int maxPoolSize,
                               Duration connectTimeout, Duration acquireTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    public DatabaseSettings(String url, String username, String password, int maxPoolSize) {
        this(url, username, password, maxPoolSize, DEFAULT_CONNECT_TIMEOUT, DEFAULT_ACQUIRE_TIMEOUT);
    }

    /** The same database, with timeouts. */
    public DatabaseSettings withTimeouts(Duration connect, Duration acquire) {
        return new DatabaseSettings(url, username, password, maxPoolSize, connect, acquire);
    }

    /**
     * The same database reached through a transaction-mode pooler: the driver must not keep
     * server-side prepared statements, which would not exist on the next transaction's connection.
     */
    public DatabaseSettings pooled() {
        if (!url.startsWith("jdbc:postgresql:") || url.contains("prepareThreshold=")) {
            return this;
        }
        return new DatabaseSettings(url + (url.contains("?") ? "&" : "?") + "prepareThreshold=0", username, password,
                maxPoolSize, connectTimeout, acquireTimeout);
    }

    public Vendor vendor() {
        if (url.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRES;
        }
        throw new IllegalArgumentException("unsupported database URL: expected jdbc:h2: or jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url.replaceAll("password=[^&;]*", "password=***") + ", username=" + username
                + ", maxPoolSize=" + maxPoolSize + ", connectTimeout=" + connectTimeout + "]";
    }

    /**
     * Each vendor migrates from the one tree ({@code db/migration/common}) plus the folder of what only it
     * has, and spells the placeholders of that tree its own way.
     */
    public enum Vendor {
        H2(List.of("db/migration/h2"), Map.of("text", "CHARACTER VARYING", "bytes", "VARBINARY(32768)")),
        POSTGRES(List.of("db/migration/postgres"), Map.of("text", "TEXT", "bytes", "BYTEA"));

        private static final String COMMON = "db/migration/common";

        private final List<String> own;
        private final Map<String, String> placeholders;

        Vendor(List<String> own, Map<String, String> placeholders) {
            this.own = own;
            this.placeholders = placeholders;
        }

        /** The classpath folders to migrate from: the common tree first, then this vendor's own. */
        public List<String> migrations() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(COMMON), own.stream()).toList();
        }

        /** The values of the common tree's Flyway placeholders for this vendor. */
        public Map<String, String> placeholders() {
            return placeholders;
        }
    }
}
