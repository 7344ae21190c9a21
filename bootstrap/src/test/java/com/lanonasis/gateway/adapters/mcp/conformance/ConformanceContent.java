package com.lanonasis.gateway.adapters.mcp.conformance;

import com.lanonasis.gateway.adapters.mcp.protocol.JsonRpc;
import com.lanonasis.gateway.adapters.mcp.protocol.McpException;
import com.lanonasis.gateway.adapters.mcp.security.ConformanceCaller;
import com.lanonasis.gateway.adapters.mcp.server.CompletionSet;
import com.lanonasis.gateway.adapters.mcp.server.PromptSet;
import com.lanonasis.gateway.adapters.mcp.server.ResourceSet;
import com.lanonasis.gateway.adapters.mcp.server.ToolContext;
import com.lanonasis.gateway.domain.shared.Principal;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixture resources, prompts and completions of the conformance profile. */
final class ConformanceContent {

    private ConformanceContent() {
    }

    @Singleton
    @Requires(property = ConformanceCaller.ENABLED, value = "true")
    static final class Resources implements ResourceSet {

        private static final Pattern TEMPLATE = Pattern.compile("test://template/([^/]+)/data");

        @Override
        public List<Map<String, Object>> list(Principal caller) {
            return List.of(
                    Map.of("uri", "test://static-text", "name", "static-text", "title", "Static Text Resource",
                            "description", "A fixed text resource", "mimeType", "text/plain"),
                    Map.of("uri", "test://static-binary", "name", "static-binary", "title", "Static Binary Resource",
                            "description", "A fixed PNG image", "mimeType", "image/png"),
                    Map.of("uri", "test://watched-resource", "name", "watched-resource", "title", "Watched Resource",
                            "description", "A resource to subscribe to", "mimeType", "text/plain"));
        }

        @Override
        public List<Map<String, Object>> templates() {
            return List.of(Map.of("uriTemplate", "test://template/{id}/data", "name", "template",
                    "title", "Template resource", "description", "Data for an id", "mimeType", "application/json"));
        }

        @Override
        public Optional<List<Map<String, Object>>> read(String uri, Principal caller) {
            Matcher template = TEMPLATE.matcher(uri);
            if (template.matches()) {
                String id = template.group(1);
                return Optional.of(List.of(Map.of("uri", uri, "mimeType", "application/json", "text",
                        "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}")));
            }
            return switch (uri) {
                case "test://static-text" -> Optional.of(List.of(Map.of("uri", uri, "mimeType", "text/plain",
                        "text", "This is the content of the static text resource.")));
                case "test://static-binary" -> Optional.of(List.of(Map.of("uri", uri, "mimeType", "image/png",
                        "blob", ConformanceTools.PNG)));
                case "test://watched-resource" -> Optional.of(List.of(Map.of("uri", uri, "mimeType", "text/plain",
                        "text", "Watched resource content.")));
                default -> {
                    if (uri.startsWith("test://")) {
                        throw new McpException(JsonRpc.RESOURCE_NOT_FOUND, "Resource not found", Map.of("uri", uri));
                    }
                    yield Optional.empty();
                }
            };
        }
    }

    @Singleton
    @Requires(property = ConformanceCaller.ENABLED, value = "true")
    static final class Prompts implements PromptSet {

        @Override
        public List<Map<String, Object>> list() {
            return List.of(
                    Map.of("name", "test_simple_prompt", "description", "A prompt without arguments"),
                    Map.of("name", "test_prompt_with_arguments", "description", "A prompt with two arguments",
                            "arguments", List.of(
                                    Map.of("name", "arg1", "description", "First test argument", "required", true),
                                    Map.of("name", "arg2", "description", "Second test argument", "required", true))),
                    Map.of("name", "test_prompt_with_embedded_resource", "description", "A prompt with a resource",
                            "arguments", List.of(Map.of("name", "resourceUri", "description", "The resource URI",
                                    "required", true))),
                    Map.of("name", "test_prompt_with_image", "description", "A prompt with an image"),
                    Map.of("name", "test_input_required_result_prompt",
                            "description", "A prompt that asks the user for its context first (2026-07-28)"));
        }

        /** The prompt that needs the user first: an InputRequiredResult, then the messages with the answer. */
        @Override
        public Optional<Map<String, Object>> get(String name, Map<String, Object> arguments, ToolContext context) {
            if (!"test_input_required_result_prompt".equals(name)) {
                return get(name, arguments);
            }
            Map<String, Object> answer = context.input("user_context", "elicitation/create", Map.of(
                    "message", "What context should the prompt use?",
                    "requestedSchema", Map.of("type", "object",
                            "properties", Map.of("context", Map.of("type", "string")),
                            "required", List.of("context"))));
            Object given = answer.get("content") instanceof Map<?, ?> content ? content.get("context") : null;
            return Optional.of(messages(user(text("Prompt with context: " + given))));
        }

        @Override
        public Optional<Map<String, Object>> get(String name, Map<String, Object> arguments) {
            return Optional.ofNullable(switch (name) {
                case "test_simple_prompt" -> messages(user(text("This is a simple prompt for testing.")));
                case "test_prompt_with_arguments" -> messages(user(text("Prompt with arguments: arg1='"
                        + arguments.get("arg1") + "', arg2='" + arguments.get("arg2") + "'")));
                case "test_prompt_with_embedded_resource" -> messages(
                        user(Map.of("type", "resource", "resource", Map.of("uri", String.valueOf(
                                arguments.getOrDefault("resourceUri", "test://example-resource")),
                                "mimeType", "text/plain", "text", "Embedded resource content for testing."))),
                        user(text("Please process the embedded resource above.")));
                case "test_prompt_with_image" -> messages(user(ConformanceTools.image()),
                        user(text("Please analyze the image above.")));
                default -> null;
            });
        }

        @SafeVarargs
        private static Map<String, Object> messages(Map<String, Object>... messages) {
            return Map.of("messages", List.of(messages));
        }

        private static Map<String, Object> user(Map<String, Object> content) {
            return Map.of("role", "user", "content", content);
        }

        private static Map<String, Object> text(String text) {
            return Map.of("type", "text", "text", text);
        }
    }

    @Singleton
    @Requires(property = ConformanceCaller.ENABLED, value = "true")
    static final class Completions implements CompletionSet {

        private static final List<String> VALUES = List.of("test", "testValue1", "testValue2");

        @Override
        public Optional<List<String>> complete(Map<String, Object> ref, String argument, String value) {
            if (!"test_prompt_with_arguments".equals(ref.get("name"))) {
                return Optional.empty();
            }
            return Optional.of(VALUES.stream().filter(candidate -> candidate.startsWith(value)).toList());
        }
    }
}
