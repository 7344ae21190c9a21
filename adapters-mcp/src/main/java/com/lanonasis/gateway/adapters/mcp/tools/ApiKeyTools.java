package com.lanonasis.gateway.adapters.mcp.tools;

import com.lanonasis.gateway.adapters.mcp.server.Schema;
import com.lanonasis.gateway.adapters.mcp.server.Tool;
import com.lanonasis.gateway.adapters.mcp.server.Tool.Hints;
import com.lanonasis.gateway.adapters.mcp.server.ToolSet;
import com.lanonasis.gateway.application.keys.port.in.CreateApiKeyUseCase;
import com.lanonasis.gateway.application.keys.port.in.ListApiKeysUseCase;
import com.lanonasis.gateway.application.keys.port.in.NewApiKeyRequest;
import com.lanonasis.gateway.application.keys.port.in.RevokeApiKeyUseCase;
import com.lanonasis.gateway.domain.keys.ApiKey;
import com.lanonasis.gateway.domain.shared.Scope;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The caller's own API keys: list, create (the secret is shown once, in this result) and revoke. */
@Singleton
final class ApiKeyTools implements ToolSet {

    private final CreateApiKeyUseCase create;
    private final ListApiKeysUseCase list;
    private final RevokeApiKeyUseCase revoke;
    private final Results results;

    ApiKeyTools(CreateApiKeyUseCase create, ListApiKeysUseCase list, RevokeApiKeyUseCase revoke, Results results) {
        this.create = create;
        this.list = list;
        this.revoke = revoke;
        this.results = results;
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                new Tool("api_key_list", "List API keys", "The caller's API keys, without their secrets.",
                        Schema.object().build(), null, Tool.Hints.READ, Scope.API_KEYS_READ, false,
                        (args, context) -> results.of(list.list(context.caller()),
                                keys -> Map.of("api_keys", keys.stream().map(Views::key).toList()))),
                new Tool("api_key_create", "Create API key", "A new API key pk_<id>.sk_<secret> for the caller. The "
                        + "secret is in this result only; it cannot be shown again.",
                        Schema.object()
                                .string("name", "what the key is for", 1, ApiKey.MAX_NAME_LENGTH)
                                .strings("scopes", "scopes of the key (default memories:read, memories:write, "
                                        + "memories:delete); never more than the caller holds", 20, 64)
                                .integer("expires_in_seconds", "lifetime; omit for a key that does not expire",
                                        60, Integer.MAX_VALUE)
                                .require("name").build(), null, Hints.CREATE, Scope.API_KEYS_WRITE, false,
                        (args, context) -> results.of(create.create(context.caller(), new NewApiKeyRequest(
                                args.string("name"), args.strings("scopes"), args.longValue("expires_in_seconds"))),
                                issued -> {
                                    Map<String, Object> view = new LinkedHashMap<>(Views.key(issued.key()));
                                    view.put("key", issued.reveal());
                                    return view;
                                })),
                new Tool("api_key_revoke", "Revoke API key", "Revoke one of the caller's API keys at once.",
                        Schema.object().string("id", "the key's id (its pk_ part without the prefix, or with it)",
                                1, 100).require("id").build(), null, Hints.CHANGE, Scope.API_KEYS_WRITE, false,
                        (args, context) -> results.of(revoke.revoke(context.caller(), args.string("id")),
                                id -> Map.of("revoked", true, "id", id.value()))));
    }

    @Override
    public int order() {
        return 1;
    }
}
