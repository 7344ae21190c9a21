package com.lanonasis.gateway.adapters.mcp.conformance;

import com.lanonasis.gateway.adapters.mcp.protocol.McpSession.LogLevel;
import com.lanonasis.gateway.adapters.mcp.security.ConformanceCaller;
import com.lanonasis.gateway.adapters.mcp.server.Schema;
import com.lanonasis.gateway.adapters.mcp.server.Tool;
import com.lanonasis.gateway.adapters.mcp.server.ToolContext;
import com.lanonasis.gateway.adapters.mcp.server.ToolResult;
import com.lanonasis.gateway.adapters.mcp.server.ToolSet;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixture tools the official conformance suite calls, built from what its scenarios expect.
 * Only in the opt-in conformance profile ({@code ONASIS_MCP_CONFORMANCE=true}); never listed otherwise.
 */
@Singleton
@Requires(property = ConformanceCaller.ENABLED, value = "true")
final class ConformanceTools implements ToolSet {

    /** A 1×1 PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    private static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";
    private static final Map<String, Object> NO_ARGUMENTS = Schema.object().build();

    @Override
    public List<Tool> tools() {
        return List.of(
                plain("test_simple_text", "Returns one text block",
                        (args, context) -> ToolResult.of(List.of(ToolResult.text(
                                "This is a simple text response for testing.")))),
                plain("test_image_content", "Returns one image block",
                        (args, context) -> ToolResult.of(List.of(image()))),
                plain("test_audio_content", "Returns one audio block",
                        (args, context) -> ToolResult.of(List.of(Map.of("type", "audio", "data", WAV,
                                "mimeType", "audio/wav")))),
                plain("test_embedded_resource", "Returns an embedded resource",
                        (args, context) -> ToolResult.of(List.of(resource("test://embedded-resource", "text/plain",
                                "This is an embedded resource content.")))),
                plain("test_multiple_content_types", "Returns text, image and resource blocks",
                        (args, context) -> ToolResult.of(List.of(ToolResult.text("Multiple content types test:"),
                                image(), resource("test://mixed-content-resource", "application/json",
                                        "{\"test\":\"data\",\"value\":123}")))),
                plain("test_error_handling", "Always answers with an error result",
                        (args, context) -> ToolResult.error("This tool intentionally returns an error for testing")),
                interactive("test_tool_with_logging", "Sends three log notifications while it runs", NO_ARGUMENTS,
                        (args, context) -> {
                            for (String step : List.of("Tool execution started", "Tool processing data",
                                    "Tool execution completed")) {
                                context.log(LogLevel.INFO, "conformance", step);
                                pause(50);
                            }
                            return ToolResult.of(List.of(ToolResult.text("Tool with logging executed successfully")));
                        }),
                interactive("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100", NO_ARGUMENTS,
                        (args, context) -> {
                            for (int step = 0; step <= 100; step += 50) {
                                context.progress(step, 100.0, "Completed step " + step + " of 100");
                                pause(50);
                            }
                            return ToolResult.of(List.of(ToolResult.text("Progress reported")));
                        }),
                interactive("test_sampling", "Asks the client's model to answer a prompt",
                        Schema.object().string("prompt", "what to ask the model", 1, 10_000).require("prompt").build(),
                        (args, context) -> {
                            Map<String, Object> answer = context.ask("sampling/createMessage", Map.of(
                                    "messages", List.of(Map.of("role", "user", "content",
                                            Map.of("type", "text", "text", args.string("prompt")))),
                                    "maxTokens", 100));
                            Object text = answer.get("content") instanceof Map<?, ?> content ? content.get("text") : null;
                            return ToolResult.of(List.of(ToolResult.text("LLM response: " + text)));
                        }),
                interactive("test_elicitation", "Asks the user for a name and an email address",
                        Schema.object().string("message", "what to ask the user", 1, 1000).require("message").build(),
                        (args, context) -> elicit(context, args.string("message"), Map.of(
                                "type", "object",
                                "properties", Map.of(
                                        "username", Map.of("type", "string", "description", "User's response"),
                                        "email", Map.of("type", "string", "description", "User's email address")),
                                "required", List.of("username", "email")))),
                interactive("test_elicitation_sep1034_defaults", "Elicits fields that have default values",
                        NO_ARGUMENTS, (args, context) -> elicit(context,
                                "Please review and update the form fields with defaults", Map.of(
                                        "type", "object", "required", List.of(),
                                        "properties", ordered(
                                                "name", Map.of("type", "string", "description", "User name",
                                                        "default", "John Doe"),
                                                "age", Map.of("type", "integer", "description", "User age",
                                                        "default", 30),
                                                "score", Map.of("type", "number", "description", "User score",
                                                        "default", 95.5),
                                                "status", Map.of("type", "string", "description", "User status",
                                                        "enum", List.of("active", "inactive", "pending"),
                                                        "default", "active"),
                                                "verified", Map.of("type", "boolean",
                                                        "description", "Verification status", "default", true))))),
                interactive("test_elicitation_sep1330_enums", "Elicits every kind of enum field", NO_ARGUMENTS,
                        (args, context) -> elicit(context, "Please select options from the enum fields", Map.of(
                                "type", "object", "required", List.of(),
                                "properties", ordered(
                                        "untitledSingle", Map.of("type", "string",
                                                "enum", List.of("option1", "option2", "option3")),
                                        "titledSingle", Map.of("type", "string", "oneOf", List.of(
                                                Map.of("const", "value1", "title", "First Option"),
                                                Map.of("const", "value2", "title", "Second Option"),
                                                Map.of("const", "value3", "title", "Third Option"))),
                                        "legacyEnum", Map.of("type", "string", "enum", List.of("opt1", "opt2", "opt3"),
                                                "enumNames", List.of("Option One", "Option Two", "Option Three")),
                                        "untitledMulti", Map.of("type", "array", "minItems", 1, "maxItems", 3,
                                                "items", Map.of("type", "string",
                                                        "enum", List.of("option1", "option2", "option3"))),
                                        "titledMulti", Map.of("type", "array", "minItems", 1, "maxItems", 3,
                                                "items", Map.of("anyOf", List.of(
                                                        Map.of("const", "value1", "title", "First Choice"),
                                                        Map.of("const", "value2", "title", "Second Choice"),
                                                        Map.of("const", "value3", "title", "Third Choice")))))))),
                new Tool("json_schema_2020_12_tool", "JSON Schema 2020-12", "Tool with JSON Schema 2020-12 features",
                        // SEP-1613 ($schema, $defs, additionalProperties) and SEP-2106 ($anchor, allOf/anyOf,
                        // if/then/else), as conformance 0.2.0-alpha.12 lists it
                        ordered("$schema", Schema.DIALECT, "type", "object",
                                "$defs", Map.of("address", Map.of("$anchor", "addressDef", "type", "object",
                                        "properties", Map.of("street", Map.of("type", "string"),
                                                "city", Map.of("type", "string")))),
                                "properties", ordered("name", Map.of("type", "string"),
                                        "address", Map.of("$ref", "#/$defs/address"),
                                        "contactMethod", Map.of("type", "string", "enum", List.of("phone", "email")),
                                        "phone", Map.of("type", "string"), "email", Map.of("type", "string")),
                                "allOf", List.of(Map.of("anyOf", List.of(Map.of("required", List.of("phone")),
                                        Map.of("required", List.of("email"))))),
                                "if", Map.of("properties", Map.of("contactMethod", Map.of("const", "phone")),
                                        "required", List.of("contactMethod")),
                                "then", Map.of("required", List.of("phone")),
                                "else", Map.of("required", List.of("email")),
                                "additionalProperties", false),
                        null, Tool.Hints.READ, null, false,
                        (args, context) -> ToolResult.of(List.of(ToolResult.text("Schema accepted")))),
                interactive("test_reconnection", "Closes its stream before answering (SSE polling, SEP-1699)",
                        NO_ARGUMENTS, (args, context) -> {
                            context.pauseConnection();
                            pause(100);
                            return ToolResult.of(List.of(ToolResult.text("Reconnection test completed successfully. "
                                    + "If you received this, the client properly reconnected after stream closure.")));
                        }));
    }

    @Override
    public int order() {
        return 100;
    }

    private static Tool plain(String name, String description, Tool.Handler handler) {
        return new Tool(name, name, description, NO_ARGUMENTS, null, Tool.Hints.READ, null, false, handler);
    }

    private static Tool interactive(String name, String description, Map<String, Object> input, Tool.Handler handler) {
        return new Tool(name, name, description, input, null, Tool.Hints.READ, null, true, handler);
    }

    private static ToolResult elicit(ToolContext context, String message, Map<String, Object> schema) {
        Map<String, Object> answer = context.ask("elicitation/create", Map.of("message", message,
                "requestedSchema", schema));
        return ToolResult.of(List.of(ToolResult.text("User response: action=" + answer.get("action")
                + ", content=" + answer.get("content"))));
    }

    static Map<String, Object> image() {
        return Map.of("type", "image", "data", PNG, "mimeType", "image/png");
    }

    static Map<String, Object> resource(String uri, String mimeType, String text) {
        return Map.of("type", "resource", "resource", Map.of("uri", uri, "mimeType", mimeType, "text", text));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
