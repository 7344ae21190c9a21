package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void qualifiesOurTablesOnlyAndLeavesColumnsAlone() {
        Schema schema = Schema.named("auth_gateway");

        assertEquals("SELECT users.x, email FROM auth_gateway.users WHERE EXISTS (SELECT 1 FROM "
                        + "auth_gateway.memory_tags t) AND user_id = ?",
                schema.qualify("SELECT users.x, email FROM users WHERE EXISTS (SELECT 1 FROM memory_tags t) "
                        + "AND user_id = ?"));
        assertEquals("UPDATE auth_gateway.api_keys SET x = 1", schema.qualify("UPDATE api_keys SET x = 1"));
        assertEquals("INSERT INTO auth_gateway.audit_events (type) VALUES (?)",
                schema.qualify("INSERT INTO audit_events (type) VALUES (?)"));
        assertEquals("SELECT 1 FROM usersx", schema.qualify("SELECT 1 FROM usersx"));
        assertEquals("SELECT 1 FROM users", Schema.DEFAULT.qualify("SELECT 1 FROM users"));
        assertThrows(IllegalArgumentException.class, () -> Schema.named("x; drop"));
    }

    @Test
    void theCacheOfQualifiedStatementsIsBounded() {
        Schema schema = Schema.named("auth_gateway");
        for (int i = 0; i < Schema.MAX_CACHED + 500; i++) {
            assertEquals("SELECT 1 FROM auth_gateway.users LIMIT " + i, schema.qualify("SELECT 1 FROM users LIMIT " + i));
        }
        assertEquals(Schema.MAX_CACHED, schema.cachedStatements());
    }
}
