package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.requestlog.HourlyRequests;
import com.lanonasis.gateway.domain.requestlog.port.out.RequestLog;
import com.lanonasis.gateway.domain.requestlog.RequestLogQuery;
import com.lanonasis.gateway.domain.requestlog.RequestRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The request log as a table, written in JDBC batches (one round trip per batch). */
public final class JdbcRequestLog implements RequestLog {

    private static final String COLUMNS = "at, request_id, method, route, status, duration_us, client_address, host,"
            + " user_agent, user_id, client_id";

    private final JdbcDatabase database;

    public JdbcRequestLog(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void append(List<RequestRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        database.run(session -> {
            try (PreparedStatement insert = session.prepare("INSERT INTO request_log (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RequestRecord record : batch) {
                    Rows.setInstant(insert, 1, record.at());
                    insert.setString(2, record.requestId());
                    insert.setString(3, record.method());
                    insert.setString(4, record.route());
                    insert.setInt(5, record.status());
                    insert.setLong(6, record.durationMicros());
                    insert.setString(7, record.clientAddress());
                    setText(insert, 8, record.host());
                    setText(insert, 9, record.userAgent());
                    setText(insert, 10, record.userId());
                    setText(insert, 11, record.clientId());
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    @Override
    public List<RequestRecord> query(RequestLogQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        add(clauses, values, "client_address = ?", query.clientAddress());
        add(clauses, values, "client_id = ?", query.clientId());
        add(clauses, values, "user_id = ?", query.userId());
        add(clauses, values, "status = ?", query.status());
        add(clauses, values, "status >= ?", query.minStatus());
        add(clauses, values, "duration_us >= ?", query.slowMillis() == null ? null : query.slowMillis() * 1000);
        add(clauses, values, "at >= ?", query.from());
        add(clauses, values, "at < ?", query.to());
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM request_log" + where
                    + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")) {
                int index = bind(select, values);
                select.setInt(index++, query.limit());
                select.setLong(index, (long) (query.page() - 1) * query.limit());
                List<RequestRecord> records = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        records.add(new RequestRecord(Rows.instant(row, "at"), row.getString("request_id"),
                                row.getString("method"), row.getString("route"), row.getInt("status"),
                                row.getLong("duration_us"), row.getString("client_address"), row.getString("host"),
                                row.getString("user_agent"), row.getString("user_id"), row.getString("client_id")));
                    }
                }
                return records;
            }
        });
    }

    /** Hours as whole multiples of 3600 s since the epoch: UTC hours on H2 and Postgres whatever the session's zone. */
    @Override
    public List<HourlyRequests> hourly(Instant from, Instant to) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT FLOOR(EXTRACT(EPOCH FROM at) / 3600) AS hour_bucket,"
                    + " COUNT(*) AS requests, SUM(CASE WHEN status >= 500 THEN 1 ELSE 0 END) AS errors,"
                    + " SUM(CASE WHEN status >= 400 AND status < 500 THEN 1 ELSE 0 END) AS client_errors,"
                    + " COUNT(DISTINCT client_address) AS addresses FROM request_log WHERE at >= ? AND at < ?"
                    + " GROUP BY FLOOR(EXTRACT(EPOCH FROM at) / 3600) ORDER BY hour_bucket")) {
                Rows.setInstant(select, 1, from);
                Rows.setInstant(select, 2, to);
                List<HourlyRequests> hours = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        hours.add(new HourlyRequests(Instant.ofEpochSecond(row.getLong("hour_bucket") * 3600),
                                row.getLong("requests"), row.getLong("errors"), row.getLong("client_errors"),
                                row.getLong("addresses")));
                    }
                }
                return hours;
            }
        });
    }

    private static void add(List<String> clauses, List<Object> values, String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            values.add(value);
        }
    }

    private static int bind(PreparedStatement statement, List<Object> values) throws SQLException {
        int index = 1;
        for (Object value : values) {
            if (value instanceof Instant instant) {
                Rows.setInstant(statement, index++, instant);
            } else if (value instanceof Integer number) {
                statement.setInt(index++, number);
            } else if (value instanceof Long number) {
                statement.setLong(index++, number);
            } else {
                statement.setString(index++, (String) value);
            }
        }
        return index;
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
