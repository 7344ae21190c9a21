package com.lanonasis.gateway.domain.shared;

import java.util.regex.Pattern;

/** One OAuth-style scope token (RFC 6749 §3.3 characters), e.g. {@code memories:read}. */
public record Scope(String value) {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    public static final Scope MEMORIES_READ = new Scope("memories:read");
    public static final Scope MEMORIES_WRITE = new Scope("memories:write");
    public static final Scope MEMORIES_DELETE = new Scope("memories:delete");
    public static final Scope API_KEYS_READ = new Scope("api-keys:read");
    public static final Scope API_KEYS_WRITE = new Scope("api-keys:write");
    public static final Scope MCP_FULL = new Scope("mcp:full");
    public static final Scope ADMIN = new Scope("admin");
    public static final Scope READ = new Scope("read");
    public static final Scope WRITE = new Scope("write");

    public Scope {
        if (value == null || !SCOPE_TOKEN.matcher(value).matches()) {
            throw new InvalidValue("scopes", "invalid scope: use 1 to 64 printable characters without spaces or quotes");
        }
    }

    public boolean isRead() {
        return value.endsWith(":read");
    }

    /** Resource scopes that {@code mcp:full} and the coarse aliases stand for. */
    public boolean isResourceScope() {
        return value.startsWith("memories:") || value.startsWith("api-keys:");
    }

    @Override
    public String toString() {
        return value;
    }
}
