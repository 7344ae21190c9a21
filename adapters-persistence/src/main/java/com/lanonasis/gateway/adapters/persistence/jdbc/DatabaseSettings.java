package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.util.Objects;

/**
 * Where a database is and how to reach it.
 *
 * @param url      a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql://...})
 * @param username null when the URL carries it
 * @param password null when the URL carries it
 */
public record DatabaseSettings(String url, String username, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
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
                + ", maxPoolSize=" + maxPoolSize + "]";
    }

    public enum Vendor {
        H2("db/migration/h2"), POSTGRES("db/migration/postgres");

        private final String migrations;

        Vendor(String migrations) {
            this.migrations = migrations;
        }

        public String migrations() {
            return migrations;
        }
    }
}
