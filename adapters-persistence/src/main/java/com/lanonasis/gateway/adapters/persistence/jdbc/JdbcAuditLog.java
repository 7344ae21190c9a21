package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.adapters.persistence.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.fasterxml.jackson.core.type.TypeReference;
import com.lanonasis.gateway.domain.audit.AuditQuery;
import com.lanonasis.gateway.domain.audit.AuditRecord;
import com.lanonasis.gateway.domain.audit.port.out.AuditTrail;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The audit log as an append-only table. */
public final class JdbcAuditLog implements AuditLog, AuditTrail {

    private final JdbcDatabase database;
    private final ObjectMapper json = Json.MAPPER;

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

    @Override
    public List<AuditRecord> query(AuditQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (query.userId() != null) {
            clauses.add("user_id = ?");
            values.add(query.userId());
        }
        if (query.clientId() != null) {
            clauses.add("client_id = ?");
            values.add(query.clientId());
        }
        if (query.type() != null) {
            clauses.add("type = ?");
            values.add(query.type().name());
        }
        if (query.from() != null) {
            clauses.add("at >= ?");
            values.add(query.from());
        }
        if (query.to() != null) {
            clauses.add("at < ?");
            values.add(query.to());
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT id, type, at, user_id, client_id, details"
                    + " FROM audit_events" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
                int index = 1;
                for (Object value : values) {
                    if (value instanceof java.time.Instant instant) {
                        Rows.setInstant(select, index++, instant);
                    } else {
                        select.setString(index++, (String) value);
                    }
                }
                select.setInt(index++, query.limit());
                select.setLong(index, (long) (query.page() - 1) * query.limit());
                List<AuditRecord> records = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        records.add(new AuditRecord(row.getLong("id"), new AuditEvent(
                                AuditEvent.Type.valueOf(row.getString("type")), Rows.instant(row, "at"),
                                row.getString("user_id"), row.getString("client_id"), details(row.getString("details")))));
                    }
                }
                return records;
            }
        });
    }

    private Map<String, String> details(String stored) {
        try {
            return json.readValue(stored, DETAILS);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", "true");
        }
    }

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() { };
}
