package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's trigger on {@code memory_vectors} (migration h2/V9_1): advances the owner's version of the
 * changed vector's model in {@code memory_vector_versions}, in the transaction of the change, for
 * every inserted, updated and deleted row, cascade deletes of entries and users included. Postgres
 * does the same with a statement-level trigger (postgres/V9_1). {@link JdbcMemoryVectors} compares
 * that version to decide whether its cache of the owner's vectors is still current.
 */
public final class H2VectorVersions implements Trigger {

    /** Column positions in memory_vectors (V8): memory_id, user_id, model, dimensions, vector, embedded_micros. */
    private static final int USER_ID = 1;
    private static final int MODEL = 2;
    private static final int DIMENSIONS = 3;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            advance(connection, oldRow);
        }
        if (newRow != null && (oldRow == null || !sameKey(oldRow, newRow))) {
            advance(connection, newRow);
        }
    }

    private static boolean sameKey(Object[] a, Object[] b) {
        return a[USER_ID].equals(b[USER_ID]) && a[MODEL].equals(b[MODEL]) && a[DIMENSIONS].equals(b[DIMENSIONS]);
    }

    private static void advance(Connection connection, Object[] row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE memory_vector_versions"
                + " SET version = version + 1 WHERE user_id = ? AND model = ? AND dimensions = ?")) {
            update.setObject(1, row[USER_ID]);
            update.setObject(2, row[MODEL]);
            update.setObject(3, row[DIMENSIONS]);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO memory_vector_versions v"
                + " USING (VALUES (CAST(? AS UUID), CAST(? AS VARCHAR(200)), CAST(? AS INT))) k (user_id, model, dimensions)"
                + " ON v.user_id = k.user_id AND v.model = k.model AND v.dimensions = k.dimensions"
                + " WHEN MATCHED THEN UPDATE SET version = v.version + 1"
                + " WHEN NOT MATCHED THEN INSERT (user_id, model, dimensions, version)"
                + " VALUES (k.user_id, k.model, k.dimensions, 1)")) {
            merge.setObject(1, row[USER_ID]);
            merge.setObject(2, row[MODEL]);
            merge.setObject(3, row[DIMENSIONS]);
            merge.executeUpdate();
        }
    }
}
