package com.lanonasis.gateway.adapters.mcp.server;

import com.lanonasis.gateway.adapters.mcp.protocol.InsufficientScope;
import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpCall;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpSession;
import com.lanonasis.gateway.adapters.mcp.protocol.ProtocolVersions;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP methods, independent of transport: a request in, its reply out. Transports decide
 * how the reply travels and map {@link InsufficientScope} and {@link StoreUnavailable} to their
 * own status codes; every other failure becomes a JSON-RPC error here.
 */
@Singleton
public final class McpServer {

    private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);
    private static final String INSTRUCTIONS = "Durable memory for AI assistants: create, search and recall memories "
            + "with the memory_* tools; each memory is also a resource at memory://{id}.";
    /** How long 2026-07-28 clients may keep the tool, prompt and template lists (fixed while an instance runs). */
    private static final int LIST_TTL_MS = 300_000;

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Map<String, Tool> aliases = new LinkedHashMap<>();
    private final List<ResourceSet> resources;
    private final List<PromptSet> prompts;
    private final List<CompletionSet> completions;
    private final String version;
    private final RequestStates states;

    McpServer(List<ToolSet> toolSets, List<ResourceSet> resources, List<PromptSet> prompts,
              List<CompletionSet> completions, @Value("${onasis.version:0.1.0}") String version,
              RequestStates states) {
        this.states = states;
        toolSets.stream().sorted(Comparator.comparingInt(ToolSet::order)).forEach(set -> {
            set.tools().forEach(tool -> tools.put(tool.name(), tool));
            set.aliases().forEach((alias, name) -> aliases.put(alias, tools.get(name)));
        });
        this.resources = List.copyOf(resources);
        this.prompts = List.copyOf(prompts);
        this.completions = List.copyOf(completions);
        this.version = version;
    }

    /** The listed tools, in order. */
    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** A tool by its name or one of its older names. */
    public Optional<Tool> tool(Object name) {
        Tool tool = tools.get(name);
        return Optional.ofNullable(tool != null ? tool : aliases.get(name));
    }

    /** True when the reply may be preceded by other messages, so HTTP must answer with a stream. */
    public boolean streams(Map<String, Object> request) {
        return "tools/call".equals(request.get("method"))
                && request.get("params") instanceof Map<?, ?> params
                && tool(params.get("name")).map(Tool::interactive).orElse(false);
    }

    /** The reply to a request (result or JSON-RPC error). */
    public Map<String, Object> reply(Map<String, Object> request, McpCall call) {
        Object id = request.get("id");
        try {
            String method = String.valueOf(request.get("method"));
            Object result = call.stateless() ? stateless(method, params(request), call) : dispatch(method, params(request), call);
            return JsonRpc.result(id, result);
        } catch (InsufficientScope | StoreUnavailable e) {
            throw e;
        } catch (McpException e) {
            return JsonRpc.error(id, e.code(), e.getMessage(), e.data());
        } catch (RuntimeException e) {
            LOG.error("MCP {} failed", request.get("method"), e);
            return JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "internal error");
        }
    }

    /** A notification from the client; none of them needs an answer. */
    public void accept(Map<String, Object> notification, McpCall call) {
        LOG.debug("MCP notification {}", notification.get("method"));
    }

    private Object dispatch(String method, Map<String, Object> params, McpCall call) {
        return switch (method) {
            case "initialize" -> initialize(params, call.session());
            case "ping" -> Map.of();
            case "tools/list" -> Map.of("tools", tools.values().stream().map(Tool::describe).toList());
            case "tools/call" -> toolCall(params, call);
            case "resources/list" -> Map.of("resources", resources.stream()
                    .flatMap(set -> set.list(call.principal()).stream()).toList());
            case "resources/templates/list" -> Map.of("resourceTemplates", resources.stream()
                    .flatMap(set -> set.templates().stream()).toList());
            case "resources/read" -> Map.of("contents", read(text(params, "uri"), call));
            case "resources/subscribe" -> subscription(params, call, true);
            case "resources/unsubscribe" -> subscription(params, call, false);
            case "prompts/list" -> Map.of("prompts", prompts.stream().flatMap(set -> set.list().stream()).toList());
            case "prompts/get" -> prompt(params, call);
            case "completion/complete" -> complete(params);
            case "logging/setLevel" -> logLevel(params, call.session());
            default -> throw new McpException(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    /**
     * A 2026-07-28 request: no initialize and no session; {@code server/discover} instead; every
     * result says {@code resultType}, list results say how long and for whom they may be cached.
     */
    private Object stateless(String method, Map<String, Object> params, McpCall call) {
        Object result = switch (method) {
            case "server/discover" -> discover();
            case "initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe" ->
                    throw new McpException(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method
                            + " is not part of protocol revision " + ProtocolVersions.STATELESS);
            default -> dispatch(method, params, call);
        };
        if (!(result instanceof Map<?, ?> map)) {
            return result;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> decorated = new LinkedHashMap<>((Map<String, Object>) map);
        decorated.putIfAbsent("resultType", "complete");
        switch (method) {
            // the same for every caller, and fixed while the instance runs
            case "server/discover", "tools/list", "prompts/list", "resources/templates/list" -> {
                decorated.put("ttlMs", LIST_TTL_MS);
                decorated.put("cacheScope", "public");
            }
            // the caller's own memories, changing at any time
            case "resources/list", "resources/read" -> {
                decorated.put("ttlMs", 0);
                decorated.put("cacheScope", "private");
            }
            default -> { }
        }
        return decorated;
    }

    private Map<String, Object> discover() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("supportedVersions", ProtocolVersions.ALL);
        result.put("capabilities", capabilities(true));
        result.put("instructions", INSTRUCTIONS);
        result.put("_meta", Map.of(ProtocolVersions.META_SERVER_INFO, serverInfo()));
        return result;
    }

    private Map<String, Object> initialize(Map<String, Object> params, McpSession session) {
        String negotiated = ProtocolVersions.negotiate(params.get("protocolVersion"));
        if (session != null) {
            session.initialize(negotiated, object(params, "capabilities"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocolVersion", negotiated);
        result.put("capabilities", capabilities(false));
        result.put("serverInfo", serverInfo());
        result.put("instructions", INSTRUCTIONS);
        return result;
    }

    /** Sessions (up to 2025-11-25) subscribe and set a log level; 2026-07-28 requests do neither. */
    private Map<String, Object> capabilities(boolean stateless) {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("tools", Map.of("listChanged", false));
        // 2026-07-28: both through subscriptions/listen (resourcesListChanged, resourceSubscriptions)
        capabilities.put("resources", Map.of("subscribe", true, "listChanged", true));
        if (!prompts.isEmpty()) {
            capabilities.put("prompts", Map.of("listChanged", false));
        }
        if (!completions.isEmpty()) {
            capabilities.put("completions", Map.of());
        }
        if (!stateless) {
            capabilities.put("logging", Map.of());
        }
        return capabilities;
    }

    private Map<String, Object> serverInfo() {
        return Map.of("name", "onasis-gateway", "title", "Onasis Gateway", "version", version);
    }

    private Map<String, Object> toolCall(Map<String, Object> params, McpCall call) {
        try {
            return callTool(params, call).toMap();
        } catch (InputRequired needed) {
            return needed.toResult(states, caller(call), "tools/call:" + params.get("name"));
        }
    }

    /**
     * The context of a tool or prompt: on 2026-07-28 the answers of this round (inputResponses must
     * be an object), the verified requestState of the previous one, and the log level of _meta.
     */
    private ToolContext context(Map<String, Object> params, McpCall call, String operation) {
        Map<String, Object> meta = object(params, "_meta");
        if (!call.stateless()) {
            return new ToolContext(call, meta.get("progressToken"), object(params, "inputResponses"));
        }
        if (params.containsKey("inputResponses") && !(params.get("inputResponses") instanceof Map<?, ?>)) {
            throw McpException.invalidParams("Invalid params: inputResponses must be an object of answers by key");
        }
        Map<String, Object> state = params.containsKey("requestState")
                ? states.verify(params.get("requestState"), caller(call), operation) : Map.of();
        McpSession.LogLevel level = meta.containsKey(ProtocolVersions.META_LOG_LEVEL)
                ? McpSession.LogLevel.parse(meta.get(ProtocolVersions.META_LOG_LEVEL)) : null;
        return new ToolContext(call, meta.get("progressToken"), object(params, "inputResponses"), state, level);
    }

    private static String caller(McpCall call) {
        return String.valueOf(call.principal().userId().value());
    }

    private ToolResult callTool(Map<String, Object> params, McpCall call) {
        Object name = params.get("name");
        if (!(name instanceof String)) {
            throw McpException.invalidParams("params.name must name a tool");
        }
        Tool tool = tool(name).orElseThrow(() -> McpException.invalidParams("Unknown tool: " + name));
        if (tool.requiredScope() != null && !call.principal().allows(tool.requiredScope())) {
            throw new InsufficientScope(tool.requiredScope());
        }
        Object arguments = params.getOrDefault("arguments", Map.of());
        if (!(arguments instanceof Map<?, ?>)) {
            return ToolResult.error("arguments must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = arguments == null ? Map.of() : (Map<String, Object>) arguments;
        List<String> problems = Schema.problems(tool.inputSchema(), values);
        if (!problems.isEmpty()) {
            return ToolResult.error("invalid arguments: " + String.join("; ", problems));
        }
        ToolContext context = context(params, call, "tools/call:" + name);
        try {
            return tool.handler().call(new Arguments(values), context);
        } catch (InsufficientScope e) {
            throw e;
        } catch (McpException e) {
            if (e.code() == JsonRpc.MISSING_CLIENT_CAPABILITY) {
                throw e; // a protocol error (-32021), not a tool failure
            }
            return ToolResult.error(e.getMessage());
        } catch (InvalidValue e) {
            return ToolResult.error(e.getMessage());
        }
    }

    private List<Map<String, Object>> read(String uri, McpCall call) {
        for (ResourceSet set : resources) {
            Optional<List<Map<String, Object>>> contents;
            try {
                contents = set.read(uri, call.principal());
            } catch (McpException e) {
                if (e.code() == JsonRpc.RESOURCE_NOT_FOUND && call.stateless()) {
                    throw new McpException(JsonRpc.INVALID_PARAMS, e.getMessage(), e.data());
                }
                throw e;
            }
            if (contents.isPresent()) {
                return contents.get();
            }
        }
        // SEP-2164 (2026-07-28) settles on -32602; sessions keep the -32002 they always had
        throw new McpException(call.stateless() ? JsonRpc.INVALID_PARAMS : JsonRpc.RESOURCE_NOT_FOUND,
                "Resource not found", Map.of("uri", uri));
    }

    private Map<String, Object> subscription(Map<String, Object> params, McpCall call, boolean subscribe) {
        String uri = text(params, "uri");
        if (call.session() == null) {
            throw new McpException(JsonRpc.INVALID_REQUEST, "subscriptions need a session: initialize first");
        }
        if (subscribe) {
            call.session().subscriptions().add(uri);
        } else {
            call.session().subscriptions().remove(uri);
        }
        return Map.of();
    }

    private Map<String, Object> prompt(Map<String, Object> params, McpCall call) {
        String name = text(params, "name");
        Map<String, Object> arguments = object(params, "arguments");
        ToolContext context = context(params, call, "prompts/get:" + name);
        try {
            return prompts.stream().map(set -> set.get(name, arguments, context)).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> McpException.invalidParams("Unknown prompt: " + name));
        } catch (InputRequired needed) {
            return needed.toResult(states, caller(call), "prompts/get:" + name);
        }
    }

    private Map<String, Object> complete(Map<String, Object> params) {
        Map<String, Object> ref = object(params, "ref");
        Map<String, Object> argument = object(params, "argument");
        String name = String.valueOf(argument.get("name"));
        String value = argument.get("value") instanceof String text ? text : "";
        List<String> values = completions.stream().map(set -> set.complete(ref, name, value))
                .flatMap(Optional::stream).findFirst().orElse(List.of());
        List<String> shown = values.size() > 100 ? values.subList(0, 100) : values;
        return Map.of("completion", Map.of("values", shown, "total", values.size(), "hasMore", values.size() > 100));
    }

    private static Map<String, Object> logLevel(Map<String, Object> params, McpSession session) {
        McpSession.LogLevel level = McpSession.LogLevel.parse(params.get("level"));
        if (session != null) {
            session.logLevel(level);
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> request) {
        Object params = request.get("params");
        if (params != null && !(params instanceof Map)) {
            throw McpException.invalidParams("params must be a JSON object");
        }
        return params == null ? Map.of() : (Map<String, Object>) params;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> params, String name) {
        return params.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Map<String, Object> params, String name) {
        if (params.get(name) instanceof String text) {
            return text;
        }
        throw McpException.invalidParams("params." + name + " is required");
    }
}
