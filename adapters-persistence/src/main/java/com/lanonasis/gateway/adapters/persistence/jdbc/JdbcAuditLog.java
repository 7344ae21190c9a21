package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.AuditLog;
import java.sql.PreparedStatement;
import java.util.TreeMap;

/** The audit log as an append-only table. */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcDatabase database;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcAuditLog(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void record(AuditEvent event) {
        String details;
        try {
            details = json.writeValueAsString(new TreeMap<>(event.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serializable", e);
        }
        database.run(session -> {
            try (PreparedStatement insert = session.prepare(
                    "INSERT INTO audit_events (type, at, user_id, client_id, details) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, event.type().name());
                Rows.setInstant(insert, 2, event.at());
                insert.setString(3, event.userId());
                insert.setString(4, event.clientId());
                insert.setString(5, details);
                return insert.executeUpdate();
            }
        });
    }
}
