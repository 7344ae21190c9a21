package com.lanonasis.gateway.adapters.persistence.jdbc;

/** How the database itself separates one user's memories from another's. */
public enum Tenancy {
    /** Every statement filters by owner (H2, plain Postgres, Neon). */
    BY_QUERY,
    /**
     * Also row-level security (Supabase): each memory transaction runs as role
     * {@code authenticated} with the caller's id in {@code request.jwt.claims}, so the policy on
     * {@code auth.uid()} stops a cross-tenant read even if a WHERE clause were missing.
     */
    ROW_LEVEL_SECURITY
}
