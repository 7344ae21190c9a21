package com.lanonasis.gateway.bootstrap.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Streams that drop and resume: a call whose connection closes before its result gets the
 * result on a GET with Last-Event-ID. Uses the conformance profile's fixture tools.
 */
@MicronautTest
@Property(name = "onasis.mcp.conformance.enabled", value = "true")
class McpResumptionTest extends McpTestSupport {

    private String session(String key) {
        return post("/mcp", INITIALIZE, "X-API-Key", key).headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    @Test
    void aResultProducedAfterTheStreamDroppedArrivesOnResumption() {
        String key = newUserKey(null);
        String session = session(key);
        HttpResponse<String> dropped = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"test_reconnection\",\"arguments\":{}}}", "X-API-Key", key,
                "Mcp-Session-Id", session);
        assertEquals("text/event-stream", dropped.headers().firstValue("Content-Type").orElseThrow());
        List<String> ids = dropped.body().lines().filter(line -> line.startsWith("id: "))
                .map(line -> line.substring(4)).toList();
        assertFalse(ids.isEmpty(), "a priming event with an id: " + dropped.body());
        assertTrue(dropped.body().contains("retry: "), dropped.body());
        assertFalse(dropped.body().contains("\"id\":7"), "the result is not on the dropped stream");

        HttpResponse<Stream<String>> resumed = http.sendAsync(HttpRequest.newBuilder(base().resolve("/mcp"))
                .header("Accept", "text/event-stream").header("X-API-Key", key).header("Mcp-Session-Id", session)
                .header("Last-Event-ID", ids.get(ids.size() - 1)).GET().build(),
                HttpResponse.BodyHandlers.ofLines()).join();
        assertEquals(200, resumed.statusCode());
        String result = resumed.body().filter(line -> line.contains("\"id\":7")).findFirst().orElseThrow();
        assertTrue(result.contains("Reconnection test completed successfully"), result);
    }

    @Test
    void anotherUserCannotResumeTheStream() {
        String key = newUserKey(null);
        String session = session(key);
        HttpResponse<String> resumed = send(HttpRequest.newBuilder(base().resolve("/mcp"))
                .header("Accept", "text/event-stream").header("X-API-Key", newUserKey(null))
                .header("Mcp-Session-Id", session).header("Last-Event-ID", "x_0").GET().build());
        assertEquals(404, resumed.statusCode());
    }

    @Test
    void progressArrivesOnTheCallsStreamBeforeItsResult() {
        String key = newUserKey(null);
        String session = session(key);
        HttpResponse<String> streamed = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"test_tool_with_progress\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p-1\"}}}",
                "X-API-Key", key, "Mcp-Session-Id", session);
        Iterator<String> data = streamed.body().lines().filter(line -> line.startsWith("data: {")).iterator();
        for (int step = 0; step <= 100; step += 50) {
            String progress = data.next();
            assertTrue(progress.contains("notifications/progress") && progress.contains("\"progressToken\":\"p-1\"")
                    && progress.contains("\"progress\":" + step), progress);
        }
        assertTrue(data.next().contains("\"id\":3"), "then the result");
    }
}
