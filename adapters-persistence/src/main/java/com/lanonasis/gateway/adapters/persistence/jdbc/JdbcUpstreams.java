package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamCredential;
import com.lanonasis.gateway.domain.upstreams.UpstreamName;
import com.lanonasis.gateway.domain.upstreams.UpstreamPolicy;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import com.lanonasis.gateway.domain.upstreams.port.out.Upstreams;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Administered upstream MCP servers in {@code upstream_servers} (identity database, every instance reads it). */
public final class JdbcUpstreams implements Upstreams {

    private static final String COLUMNS = "name, title, url, command, args, env, working_dir, required_scopes,"
            + " allowed_users, allowed_emails, api_keys, credential_header, credential_value, enabled, updated_at";

    private final JdbcDatabase database;

    public JdbcUpstreams(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public List<Upstream> all() {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM upstream_servers ORDER BY name");
                 ResultSet rows = select.executeQuery()) {
                List<Upstream> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(upstream(rows));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<Upstream> find(UpstreamName name) {
        return database.run(session -> {
            try (PreparedStatement select = session.prepare("SELECT " + COLUMNS
                    + " FROM upstream_servers WHERE name = ?")) {
                select.setString(1, name.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(upstream(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean add(Upstream upstream) {
        return database.run(session -> {
            try (PreparedStatement insert = session.prepare("INSERT INTO upstream_servers (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, upstream);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Rows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean replace(Upstream upstream) {
        return database.run(session -> {
            try (PreparedStatement update = session.prepare("UPDATE upstream_servers SET name = ?, title = ?, url = ?,"
                    + " command = ?, args = ?, env = ?, working_dir = ?, required_scopes = ?, allowed_users = ?,"
                    + " allowed_emails = ?, api_keys = ?, credential_header = ?, credential_value = ?, enabled = ?,"
                    + " updated_at = ? WHERE name = ?")) {
                bind(update, upstream);
                update.setString(16, upstream.name().value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean remove(UpstreamName name) {
        return database.run(session -> {
            try (PreparedStatement delete = session.prepare("DELETE FROM upstream_servers WHERE name = ?")) {
                delete.setString(1, name.value());
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static void bind(PreparedStatement statement, Upstream upstream) throws SQLException {
        statement.setString(1, upstream.name().value());
        statement.setString(2, upstream.title());
        if (upstream.target() instanceof UpstreamTarget.Http http) {
            statement.setString(3, http.url().toString());
            statement.setString(4, null);
            statement.setString(5, "");
            statement.setString(6, "");
            statement.setString(7, null);
        } else {
            UpstreamTarget.Stdio stdio = (UpstreamTarget.Stdio) upstream.target();
            statement.setString(3, null);
            statement.setString(4, stdio.command());
            statement.setString(5, String.join("\n", stdio.arguments()));
            statement.setString(6, stdio.environment().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n")));
            statement.setString(7, stdio.workingDirectory());
        }
        UpstreamPolicy policy = upstream.policy();
        statement.setString(8, policy.requiredScopes().spaceDelimited());
        statement.setString(9, String.join("\n", policy.allowedUsers()));
        statement.setString(10, String.join("\n", policy.emailPatterns()));
        statement.setBoolean(11, policy.apiKeysAccepted());
        statement.setString(12, upstream.credential() == null ? null : upstream.credential().header());
        statement.setString(13, upstream.credential() == null ? null : upstream.credential().reveal());
        statement.setBoolean(14, upstream.enabled());
        Rows.setInstant(statement, 15, upstream.updatedAt());
    }

    private static Upstream upstream(ResultSet row) throws SQLException {
        String url = row.getString("url");
        UpstreamTarget target;
        if (url != null) {
            target = UpstreamTarget.Http.parse(url);
        } else {
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : lines(row.getString("env"))) {
                int eq = line.indexOf('=');
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
            target = new UpstreamTarget.Stdio(row.getString("command"), lines(row.getString("args")), env,
                    row.getString("working_dir"));
        }
        UpstreamPolicy policy = new UpstreamPolicy(Scopes.parseSpaceDelimited(row.getString("required_scopes")),
                new LinkedHashSet<>(lines(row.getString("allowed_users"))), lines(row.getString("allowed_emails")),
                row.getBoolean("api_keys"));
        String header = row.getString("credential_header");
        UpstreamCredential credential = header == null ? null
                : new UpstreamCredential(header, row.getString("credential_value"));
        return new Upstream(new UpstreamName(row.getString("name")), row.getString("title"), target, policy,
                credential, row.getBoolean("enabled"), false, Rows.instant(row, "updated_at"));
    }

    private static List<String> lines(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n", -1));
    }
}
