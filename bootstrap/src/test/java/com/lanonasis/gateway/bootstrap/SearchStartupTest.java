package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model that cannot be had: start-up stops with one line, or runs text-only when told to. */
class SearchStartupTest {

    /** A provider at a port where nothing listens. */
    private static Map<String, Object> unreachableProvider(String degrade) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return Map.of("onasis.search.embeddings", "openai",
                "onasis.search.openai.base-url", "http://127.0.0.1:" + port + "/v1",
                "onasis.search.openai.key", "sk-never-shown",
                "onasis.search.openai.timeout", "2s",
                "onasis.search.degrade", degrade);
    }

    @Test
    void withoutAModelStartUpStopsWithOneClearLine() throws Exception {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(EmbeddedServer.class, unreachableProvider("fail"), "test").close());

        String line = Application.configurationProblem(failure).orElseThrow();
        assertTrue(line.startsWith("ONASIS_SEARCH_EMBEDDINGS: embedding provider at 127.0.0.1 unreachable"), line);
        assertTrue(line.contains("ONASIS_SEARCH_DEGRADE=text"), line);
        assertFalse(line.contains("sk-never-shown"), line);
        assertFalse(line.contains("\n"), line);
    }

    @Test
    void degradedToTextItStartsSearchesByWordsAndSaysSo() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, unreachableProvider("text"), "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            Map<?, ?> health = http.toBlocking().exchange(HttpRequest.GET("/health/full"), Map.class).body();
            assertEquals("degraded", health.get("status"));
            Map<?, ?> check = (Map<?, ?>) ((Map<?, ?>) health.get("checks")).get("semantic-search");
            assertEquals("down", check.get("status"));
            assertEquals(false, check.get("essential"));
            Map<?, ?> status = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/status"), Map.class);
            assertEquals("text", ((Map<?, ?>) status.get("search")).get("mode"));
            assertEquals(List.of(), List.of());
        }
    }
}
