package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where our tables live: the default search path (H2, plain Postgres, Supabase's {@code public})
 * or a named schema (Neon's {@code auth_gateway}). Table names are qualified in the SQL itself
 * rather than through {@code search_path}, because a transaction-mode pooler (PgBouncer, Neon's
 * pooled endpoint) does not carry session settings from one transaction to the next.
 */
public final class Schema {

    public static final Schema DEFAULT = new Schema("");

    private static final Pattern TABLE = Pattern.compile("\\b(FROM|INTO|UPDATE|JOIN)\\s+(users|api_keys|signing_keys"
            + "|memory_entries|memory_tags|memory_vectors|memory_vector_versions|oauth_clients|oauth_consents|oauth_access_tokens"
            + "|oauth_refresh_tokens|oauth_revoked_tokens|audit_events|request_log|upstream_servers)\\b");

    private final String name;
    private final Map<String, String> qualified = new ConcurrentHashMap<>();

    private Schema(String name) {
        this.name = name;
    }

    public static Schema named(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a schema name: " + name);
        }
        return new Schema(name);
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return name.isEmpty();
    }

    /**
     * The statement with each of our table names prefixed by the schema; computed once per statement
     * text. Values are bound, never written into the text, so the texts are few; the cache is bounded
     * all the same ({@link #MAX_CACHED}), beyond which a statement is qualified at each use.
     */
    String qualify(String sql) {
        if (isDefault()) {
            return sql;
        }
        String known = qualified.get(sql);
        if (known != null) {
            return known;
        }
        String statement = TABLE.matcher(sql).replaceAll("$1 " + name + ".$2");
        if (qualified.size() < MAX_CACHED) {
            qualified.putIfAbsent(sql, statement);
        }
        return statement;
    }

    /** Distinct statement texts kept qualified. */
    static final int MAX_CACHED = 2_000;

    int cachedStatements() {
        return qualified.size();
    }
}
