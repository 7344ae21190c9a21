package com.lanonasis.gateway.adapters.http.security.web;

import com.lanonasis.gateway.domain.shared.Scope;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What each scope lets an app do, in the words a person reads on the consent and device pages. */
final class ScopeWords {

    /** In the order a person should read them: the strongest last is easy to miss, so first. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("admin", "Administer this service, including every user's account"),
            Map.entry("mcp:full", "Full access through MCP: read, change and delete your memories, and manage your API keys"),
            Map.entry("write", "Create, change and delete your memories and API keys"),
            Map.entry("read", "Read your memories and see your API keys"),
            Map.entry("memories:delete", "Delete your memories"),
            Map.entry("memories:write", "Create and change your memories"),
            Map.entry("memories:read", "Read your memories"),
            Map.entry("api-keys:write", "Create, rotate and revoke your API keys"),
            Map.entry("api-keys:read", "See your API keys (not their secrets)"),
            Map.entry("mcp:connect", "Connect to your memory service as an MCP client"),
            Map.entry("mcp:tools", "Use your memory tools through MCP"),
            Map.entry("mcp:resources", "Read your memories as MCP resources"),
            Map.entry("mcp:prompts", "Use the service's MCP prompts"),
            Map.entry("profile", "See your profile (your account id and role)"),
            Map.entry("email", "See your email address"),
            Map.entry("offline_access", "Stay connected when you are not using it, until you revoke it"));

    private static final List<String> ORDER = List.of("admin", "mcp:full", "write", "memories:delete", "api-keys:write",
            "memories:write", "read", "memories:read", "api-keys:read", "mcp:connect", "mcp:tools", "mcp:resources",
            "mcp:prompts", "profile", "email", "offline_access");

    private ScopeWords() {
    }

    static String of(String scope) {
        return WORDS.getOrDefault(scope, "Use “" + scope + "”");
    }

    static boolean known(String scope) {
        return WORDS.containsKey(scope);
    }

    /** The list for a page: plain words first, the technical name underneath. */
    static String list(Scopes scopes) {
        return "<ul class=\"scopes\">" + scopes.values().stream().map(Scope::value)
                .sorted(Comparator.comparingInt((String scope) -> ORDER.indexOf(scope) < 0 ? ORDER.size()
                        : ORDER.indexOf(scope)).thenComparing(Comparator.naturalOrder()))
                .map(scope -> "<li>" + Html.escape(of(scope)) + " <code>" + Html.escape(scope) + "</code></li>")
                .collect(Collectors.joining()) + "</ul>";
    }
}
