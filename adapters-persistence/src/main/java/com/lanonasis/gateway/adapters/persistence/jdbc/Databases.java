package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Opens a pooled database and brings its schema up to date before anything uses it. */
public final class Databases {

    private Databases() {
    }

    public static HikariDataSource open(DatabaseSettings settings, String poolName) {
        return open(settings, poolName, Schema.DEFAULT, false);
    }

    public static HikariDataSource open(DatabaseSettings settings, String poolName, Schema schema) {
        return open(settings, poolName, schema, false);
    }

    /**
     * @param schema       where our tables live; a named schema is created if missing
     * @param rowSecurity  also apply the Supabase row-level-security policies on memories
     * @throws DatabaseUnavailable when the database cannot be reached or migrated
     */
    public static HikariDataSource open(DatabaseSettings settings, String poolName, Schema schema,
                                        boolean rowSecurity) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.url());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        // Hikari keeps retrying the first connection this long: enough for a cold Neon compute
        config.setInitializationFailTimeout(Math.max(1, settings.connectTimeout().toMillis()));
        config.setConnectionTimeout(Math.max(250, settings.acquireTimeout().toMillis()));
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailable("cannot connect to " + where(settings) + ": " + rootMessage(e), e);
        }
        try {
            List<String> folders = new ArrayList<>(settings.vendor().migrations());
            if (rowSecurity) {
                folders.add("db/migration/supabase");
            }
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(folders.stream().map(folder -> "classpath:" + folder).toArray(String[]::new))
                    .placeholders(settings.vendor().placeholders());
            // the build's list of migration files instead of a scan of the classpath (ListedMigrations);
            // no Java migrations
            ListedMigrations.of(folders, flyway.getClassLoader()).ifPresent(listed -> flyway
                    .resourceProvider(listed)
                    .javaMigrationClassProvider(List::of));
            if (!schema.isDefault()) {
                flyway.schemas(schema.name()).defaultSchema(schema.name()).createSchemas(true);
            }
            LegacyMigrations.adopt(dataSource, schema, settings.vendor());
            flyway.load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailable("cannot migrate " + where(settings) + ": " + rootMessage(e), e);
        }
        return dataSource;
    }

    /** The URL without anything secret in it: no user info, no query parameters. */
    private static String where(DatabaseSettings settings) {
        String url = settings.url();
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int end = query >= 0 ? query : semicolon >= 0 ? semicolon : url.length();
        return url.substring(0, end).replaceAll("//[^/@]*@", "//");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
