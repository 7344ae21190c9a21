package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.domain.memory.port.out.Memories;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import com.lanonasis.gateway.domain.shared.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The Supabase flavour: the memory contract with row-level security active, and proof that it is. */
class SupabaseMemoriesTest extends MemoriesContract {

    private final DataSource dataSource = Supabase.fresh();
    private final JdbcDatabase database = new JdbcDatabase(dataSource);

    @Override
    Memories store() {
        return new JdbcMemories(database, Tenancy.ROW_LEVEL_SECURITY);
    }

    @Override
    JdbcMemoryVectors vectors(java.time.Duration revalidateAfter) {
        return new JdbcMemoryVectors(database, Tenancy.ROW_LEVEL_SECURITY, 1_000_000, revalidateAfter);
    }

    @Override
    UnitOfWork unitOfWork() {
        return database;
    }

    @Test
    void rowLevelSecurityAloneHidesOtherTenantsRows() throws Exception {
        memories.add(TestEntries.entry(owner).build());
        memories.add(TestEntries.entry(owner).build());
        memories.add(TestEntries.entry(other).build());

        assertEquals(2, countWithoutWhere(owner), "no WHERE clause, and still only the caller's rows");
        assertEquals(1, countWithoutWhere(other));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SET LOCAL ROLE authenticated");
            try (ResultSet row = sql.executeQuery("SELECT count(*) FROM memory_entries")) {
                row.next();
                assertEquals(0, row.getLong(1), "without claims an authenticated session sees nothing");
            }
            connection.rollback();
        }
    }

    private long countWithoutWhere(UserId user) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement();
                 PreparedStatement claims = connection.prepareStatement(
                         "SELECT set_config('request.jwt.claims', ?, true)")) {
                sql.execute("SET LOCAL ROLE authenticated");
                claims.setString(1, "{\"sub\":\"" + user + "\"}");
                claims.execute();
                try (ResultSet row = sql.executeQuery("SELECT count(*) FROM memory_entries")) {
                    row.next();
                    return row.getLong(1);
                } finally {
                    connection.rollback();
                }
            }
        }
    }
}
