package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.DatabaseProbe;
import com.lanonasis.gateway.adapters.persistence.jdbc.DatabaseSettings;
import com.lanonasis.gateway.adapters.persistence.jdbc.DatabaseUrls;
import com.lanonasis.gateway.adapters.persistence.jdbc.Databases;
import com.lanonasis.gateway.adapters.persistence.jdbc.JdbcDatabase;
import com.lanonasis.gateway.adapters.persistence.jdbc.Tenancy;
import com.lanonasis.gateway.application.health.port.out.Dependency;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable stores as configured: one database for everything, or a second one for memories
 * ({@code ONASIS_MEMORY_STORAGE} / {@code ONASIS_MEMORY_DATABASE_URL}), e.g. identity on Neon and
 * memories on Supabase, as the platform ran them.
 */
final class Storage implements AutoCloseable {

    static final String DEFAULT_H2_URL = "jdbc:h2:file:./data/onasis";

    /** One database group's settings as read from configuration; blank values mean "not set". */
    record Group(String flavourSetting, String flavour, String urlSetting, String url, String username,
                 String password) {
    }

    private final JdbcDatabase identity;
    private final JdbcDatabase memory;
    private final Tenancy memoryTenancy;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final HikariDataSource identityPool;
    private final List<Dependency> probes = new ArrayList<>();

    Storage(Group identityGroup, Group memoryGroup, int poolSize, Duration connectTimeout, Duration acquireTimeout) {
        StorageFlavour identityFlavour = StorageFlavour.parse(identityGroup.flavourSetting(), identityGroup.flavour());
        identityPool = open(identityFlavour, identityGroup, poolSize, connectTimeout, acquireTimeout, "identity");
        identity = new JdbcDatabase(identityPool, identityFlavour.schema());
        probes.add(new DatabaseProbe("database", identityPool));
        boolean separate = !isBlank(memoryGroup.url()) || !isBlank(memoryGroup.flavour())
                && StorageFlavour.parse(memoryGroup.flavourSetting(), memoryGroup.flavour()) != identityFlavour;
        if (!separate) {
            memory = identity;
            memoryTenancy = identityFlavour.tenancy();
            return;
        }
        StorageFlavour memoryFlavour = isBlank(memoryGroup.flavour()) ? identityFlavour
                : StorageFlavour.parse(memoryGroup.flavourSetting(), memoryGroup.flavour());
        if (isBlank(memoryGroup.url())) {
            throw new IllegalArgumentException(memoryGroup.urlSetting() + " is required when "
                    + memoryGroup.flavourSetting() + " differs from " + identityGroup.flavourSetting());
        }
        HikariDataSource memoryPool = open(memoryFlavour, memoryGroup, poolSize, connectTimeout, acquireTimeout,
                "memory");
        memory = new JdbcDatabase(memoryPool, memoryFlavour.schema());
        probes.add(new DatabaseProbe("memory-database", memoryPool));
        memoryTenancy = memoryFlavour.tenancy();
    }

    private HikariDataSource open(StorageFlavour flavour, Group group, int poolSize, Duration connectTimeout,
                                  Duration acquireTimeout, String name) {
        String url = isBlank(group.url()) && flavour == StorageFlavour.H2 ? DEFAULT_H2_URL : group.url();
        if (isBlank(url)) {
            throw new IllegalArgumentException(group.urlSetting() + " is required for " + group.flavourSetting()
                    + "=" + flavour.name().toLowerCase());
        }
        DatabaseSettings settings = DatabaseUrls.settings(group.urlSetting(), url, blankToNull(group.username()),
                blankToNull(group.password()), poolSize).withTimeouts(connectTimeout, acquireTimeout);
        boolean h2 = settings.vendor() == DatabaseSettings.Vendor.H2;
        if (h2 != (flavour == StorageFlavour.H2)) {
            throw new IllegalArgumentException(group.urlSetting() + " must be " + (h2 ? "a Postgres URL" : "an H2 URL")
                    + " for " + group.flavourSetting() + "=" + flavour.name().toLowerCase());
        }
        HikariDataSource pool = Databases.open(flavour.pooled() ? settings.pooled() : settings, "onasis-" + name,
                flavour.schema(), flavour.tenancy() == Tenancy.ROW_LEVEL_SECURITY);
        pools.add(pool);
        return pool;
    }

    JdbcDatabase identity() {
        return identity;
    }

    JdbcDatabase memory() {
        return memory;
    }

    Tenancy memoryTenancy() {
        return memoryTenancy;
    }

    /** Readiness checks of the databases in use. */
    List<Dependency> probes() {
        return List.copyOf(probes);
    }

    /** The pool of the identity database, for whoever needs a plain DataSource (tests, health). */
    HikariDataSource identityPool() {
        return identityPool;
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
