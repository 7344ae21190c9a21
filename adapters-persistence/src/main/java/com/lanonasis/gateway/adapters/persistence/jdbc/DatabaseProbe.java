package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.application.health.port.out.Dependency;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A database is ready when a pooled connection answers within two seconds. */
public final class DatabaseProbe implements Dependency {

    private final String name;
    private final DataSource dataSource;

    public DatabaseProbe(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean essential() {
        return true;
    }

    @Override
    public void check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                throw new StoreUnavailable(name + " did not answer", null);
            }
        } catch (SQLException e) {
            throw new StoreUnavailable(name + " unreachable: " + e.getMessage(), e);
        }
    }
}
