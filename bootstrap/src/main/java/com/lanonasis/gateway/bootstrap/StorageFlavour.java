package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.Schema;
import com.lanonasis.gateway.adapters.persistence.jdbc.Tenancy;
import java.util.Locale;

/** {@code ONASIS_STORAGE}: where durable data lives, and what that host needs. */
enum StorageFlavour {
    /** Embedded H2 file database under ./data. */
    H2(Schema.DEFAULT, Tenancy.BY_QUERY, false),
    /** Neon Postgres: tables in schema auth_gateway, safe behind Neon's transaction-mode pooler. */
    NEON(Schema.named("auth_gateway"), Tenancy.BY_QUERY, true),
    /** Supabase Postgres: public schema, memories also guarded by row-level security on auth.uid(). */
    SUPABASE(Schema.DEFAULT, Tenancy.ROW_LEVEL_SECURITY, true);

    private final Schema schema;
    private final Tenancy tenancy;
    private final boolean pooled;

    StorageFlavour(Schema schema, Tenancy tenancy, boolean pooled) {
        this.schema = schema;
        this.tenancy = tenancy;
        this.pooled = pooled;
    }

    Schema schema() {
        return schema;
    }

    Tenancy tenancy() {
        return tenancy;
    }

    boolean pooled() {
        return pooled;
    }

    static StorageFlavour parse(String setting, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be h2, neon or supabase, not '" + value + "'");
        }
    }
}
