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
 * The fixture tools of the 2026-07-28 scenarios of the conformance suite (0.2.0-alpha.12):
 * stateless capability checks ({@code server-stateless}) and InputRequiredResult rounds with and
 * without requestState ({@code input-required-result-*}), built from what those scenarios send
 * and expect. Conformance profile only.
 */
@Singleton
@Requires(property = ConformanceCaller.ENABLED, value = "true")
final class ConformanceInputTools implements ToolSet {

    private static final Map<String, Object> NO_ARGUMENTS = Schema.object().build();
    private static final String ELICIT = "elicitation/create";
    private static final String SAMPLE = "sampling/createMessage";
    private static final String ROOTS = "roots/list";

    @Override
    public List<Tool> tools() {
        return List.of(
                plain("test_missing_capability", "Needs the client's sampling capability",
                        (args, context) -> text("Model said: " + sampled(context.input("sample", SAMPLE,
                                sampling("Say hello", 20))))),
                interactive("test_streaming_elicitation", "Asks the user on the call's own response stream",
                        (args, context) -> text("User answered: " + context.input("confirm", ELICIT,
                                elicitation("Continue?", "ok", "boolean")).get("action"))),
                interactive("test_logging_tool", "Logs only when the request's _meta asks for a log level",
                        (args, context) -> {
                            context.log(LogLevel.INFO, "conformance", "test_logging_tool ran");
                            return text("Logging tool executed");
                        }),
                plain("test_input_required_result_elicitation", "Asks the user's name, then greets",
                        (args, context) -> text("Hello, " + field(context.input("user_name", ELICIT,
                                elicitation("What is your name?", "name", "string")), "name") + "!")),
                plain("test_input_required_result_sampling", "Asks the client's model a question",
                        (args, context) -> text("The model answered: " + sampled(context.input("capital_question",
                                SAMPLE, sampling("What is the capital of France?", 100))))),
                plain("test_input_required_result_list_roots", "Asks the client for its roots",
                        (args, context) -> text("Client roots: " + context.input("client_roots", ROOTS, Map.of())
                                .get("roots"))),
                plain("test_input_required_result_request_state", "Confirms, carrying state between rounds",
                        ConformanceInputTools::requestState),
                plain("test_input_required_result_tampered_state", "Confirms with integrity-protected state",
                        ConformanceInputTools::requestState),
                plain("test_input_required_result_multiple_inputs", "Asks for three inputs at once",
                        ConformanceInputTools::multipleInputs),
                plain("test_input_required_result_multi_round", "Asks twice, one question per round",
                        ConformanceInputTools::multiRound),
                plain("test_input_required_result_capabilities", "Asks only what the client declared it can answer",
                        ConformanceInputTools::declaredOnly));
    }

    @Override
    public int order() {
        return 101;
    }

    /** Round 1: a question and state; round 2: the answer and the state this server signed. */
    private static ToolResult requestState(Object args, ToolContext context) {
        if ("confirm".equals(context.requestState().get("awaiting")) && context.answer("confirm").isPresent()) {
            return text("state-ok: confirmed with action " + context.answer("confirm").get().get("action"));
        }
        throw context.inputRequired(Map.of("confirm", ToolContext.request(ELICIT,
                elicitation("Please confirm", "ok", "boolean"))), Map.of("awaiting", "confirm"));
    }

    private static ToolResult multipleInputs(Object args, ToolContext context) {
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("user_name", ToolContext.request(ELICIT, elicitation("What is your name?", "name", "string")));
        requests.put("greeting", ToolContext.request(SAMPLE, sampling("Generate a greeting", 50)));
        requests.put("client_roots", ToolContext.request(ROOTS, Map.of()));
        boolean started = "all".equals(context.requestState().get("awaiting"));
        if (started && requests.keySet().stream().allMatch(key -> context.answer(key).isPresent())) {
            return text(sampled(context.answer("greeting").get()) + ", "
                    + field(context.answer("user_name").get(), "name") + "; roots "
                    + context.answer("client_roots").get().get("roots"));
        }
        requests.keySet().removeIf(key -> started && context.answer(key).isPresent());
        throw context.inputRequired(requests, Map.of("awaiting", "all"));
    }

    private static ToolResult multiRound(Object args, ToolContext context) {
        Object step = context.requestState().get("step");
        if ("step2".equals(step) && context.answer("step2").isPresent()) {
            return text(context.requestState().get("name") + " likes " + field(context.answer("step2").get(), "color"));
        }
        if ("step1".equals(step) && context.answer("step1").isPresent()) {
            throw context.inputRequired(Map.of("step2", ToolContext.request(ELICIT,
                    elicitation("Step 2: What is your favorite color?", "color", "string"))),
                    Map.of("step", "step2", "name", String.valueOf(field(context.answer("step1").get(), "name"))));
        }
        throw context.inputRequired(Map.of("step1", ToolContext.request(ELICIT,
                elicitation("Step 1: What is your name?", "name", "string"))), Map.of("step", "step1"));
    }

    /** Asks with elicitation and sampling, leaving out whatever the request's _meta does not declare. */
    private static ToolResult declaredOnly(Object args, ToolContext context) {
        Map<String, Object> requests = new LinkedHashMap<>();
        if (context.canAsk(ELICIT)) {
            requests.put("user_name", ToolContext.request(ELICIT, elicitation("What is your name?", "name", "string")));
        }
        if (context.canAsk(SAMPLE)) {
            requests.put("greeting", ToolContext.request(SAMPLE, sampling("Generate a greeting", 50)));
        }
        if (requests.isEmpty()) {
            context.requireCapability(SAMPLE);
        }
        if (requests.keySet().stream().allMatch(key -> context.answer(key).isPresent())) {
            return text("Answered: " + requests.keySet());
        }
        throw context.inputRequired(requests, null);
    }

    private static Map<String, Object> elicitation(String message, String field, String type) {
        return Map.of("message", message, "requestedSchema", Map.of("type", "object",
                "properties", Map.of(field, Map.of("type", type)), "required", List.of(field)));
    }

    private static Map<String, Object> sampling(String question, int maxTokens) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", question))),
                "maxTokens", maxTokens);
    }

    private static Object field(Map<String, Object> elicited, String name) {
        return elicited.get("content") instanceof Map<?, ?> content ? content.get(name) : null;
    }

    private static Object sampled(Map<String, Object> message) {
        return message.get("content") instanceof Map<?, ?> content ? content.get("text") : null;
    }

    private static ToolResult text(String text) {
        return ToolResult.of(List.of(ToolResult.text(text)));
    }

    private static Tool plain(String name, String description, Tool.Handler handler) {
        return new Tool(name, name, description, NO_ARGUMENTS, null, Tool.Hints.READ, null, false, handler);
    }

    private static Tool interactive(String name, String description, Tool.Handler handler) {
        return new Tool(name, name, description, NO_ARGUMENTS, null, Tool.Hints.READ, null, true, handler);
    }
}
