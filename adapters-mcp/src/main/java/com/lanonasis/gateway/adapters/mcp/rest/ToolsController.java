package com.lanonasis.gateway.adapters.mcp.rest;

import com.lanonasis.gateway.adapters.http.shared.ErrorBody;
import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpCall;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.protocol.McpJson;
import com.lanonasis.gateway.adapters.mcp.protocol.Outbound;
import com.lanonasis.gateway.adapters.mcp.security.McpCallers;
import com.lanonasis.gateway.adapters.mcp.server.McpServer;
import com.lanonasis.gateway.adapters.mcp.server.Tool;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;

/**
 * The MCP tools over plain REST: the same list as tools/list, and a call whose body is the
 * tool's arguments. The answer is the MCP tool result, 200 when it succeeded and 400 when it is
 * an error result.
 */
@Controller("/api/v1/tools")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ToolsController {

    private final McpServer server;
    private final McpCallers callers;
    private final McpJson json;

    ToolsController(McpServer server, McpCallers callers, McpJson json) {
        this.server = server;
        this.callers = callers;
        this.json = json;
    }

    @Get
    Map<String, Object> list(HttpRequest<?> request) {
        callers.requireForRest(request);
        return Map.of("tools", server.tools().stream().map(Tool::describe).toList());
    }

    @Post(value = "/{name}", consumes = MediaType.ALL)
    HttpResponse<?> call(HttpRequest<?> request, @PathVariable String name, @Nullable @Body byte[] body) {
        Principal caller = callers.requireForRest(request);
        if (server.tool(name).isEmpty()) {
            return error(request, HttpStatus.NOT_FOUND, "not_found", "no tool named " + name + "; GET /api/v1/tools lists them");
        }
        Object arguments;
        try {
            arguments = body == null || body.length == 0 ? Map.of() : json.read(body);
        } catch (McpException e) {
            return error(request, HttpStatus.BAD_REQUEST, "malformed_json", "the body must be a JSON object of the tool's arguments");
        }
        Map<String, Object> reply = server.reply(JsonRpc.request(1, "tools/call",
                Map.of("name", name, "arguments", arguments)), new McpCall(caller, null, Outbound.NONE));
        if (reply.get("error") instanceof Map<?, ?> rpcError) {
            return error(request, HttpStatus.BAD_REQUEST, "invalid_request", String.valueOf(rpcError.get("message")));
        }
        Map<?, ?> result = (Map<?, ?>) reply.get("result");
        // a tool result may carry a secret (api_key_create): never stored by a cache
        return HttpResponse.status(Boolean.TRUE.equals(result.get("isError")) ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
                .header("Cache-Control", "no-store").body(result);
    }

    private static HttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String code, String message) {
        return ErrorBody.response(request, status, code, message);
    }
}
