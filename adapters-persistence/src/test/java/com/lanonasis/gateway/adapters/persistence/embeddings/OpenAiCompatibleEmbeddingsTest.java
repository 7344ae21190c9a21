package com.lanonasis.gateway.adapters.persistence.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible provider against a small local HTTP server that answers like one. */
class OpenAiCompatibleEmbeddingsTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("stub-embed", 3);
    private static final String KEY = "sk-test-" + "secret-value";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final List<JsonNode> bodies = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger dimensions = new AtomicInteger(3);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = json.readTree(exchange.getRequestBody());
            synchronized (bodies) {
                bodies.add(body);
            }
            StringBuilder data = new StringBuilder();
            JsonNode input = body.path("input");
            // answered in reverse order: the provider must place vectors by their index
            for (int i = input.size() - 1; i >= 0; i--) {
                int length = input.get(i).asText().length();
                StringBuilder vector = new StringBuilder("[" + length);
                for (int d = 1; d < dimensions.get(); d++) {
                    vector.append(", ").append(d == 1 ? 0 : 0);
                }
                data.append(data.length() == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                        .append(",\"embedding\":").append(vector).append("]}");
            }
            byte[] answer = ("{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"stub-embed\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OpenAiCompatibleEmbeddings provider(String key) {
        return new OpenAiCompatibleEmbeddings(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                key, MODEL, true, Duration.ofSeconds(5));
    }

    @Test
    void sendsModelInputDimensionsAndKeyAndPlacesVectorsByIndex() {
        List<float[]> vectors = provider(KEY).embedAll(List.of("a", "bbb"));

        assertEquals("Bearer " + KEY, authorization.get());
        JsonNode body = bodies.get(0);
        assertEquals("stub-embed", body.path("model").asText());
        assertEquals(3, body.path("dimensions").asInt());
        assertEquals(List.of("a", "bbb"), List.of(body.path("input").get(0).asText(), body.path("input").get(1).asText()));
        assertArrayEquals(new float[] {1, 0, 0}, vectors.get(0), "unit length, in input order");
        assertArrayEquals(new float[] {1, 0, 0}, vectors.get(1));
    }

    @Test
    void batchesLongListsAndSendsNoKeyWhenThereIsNone() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            texts.add("t" + i);
        }
        assertEquals(130, provider(null).embedAll(texts).size());
        assertEquals(3, bodies.size(), "64 per request");
        assertEquals(null, authorization.get());
    }

    @Test
    void failuresAreEmbeddingFailuresWithoutTheKey() {
        status.set(401);
        EmbeddingFailure refused = assertThrows(EmbeddingFailure.class, () -> provider(KEY).embed("x"));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
        assertFalse(refused.getMessage().contains(KEY));

        status.set(200);
        dimensions.set(5);
        EmbeddingFailure wrong = assertThrows(EmbeddingFailure.class, () -> provider(KEY).embed("x"));
        assertTrue(wrong.getMessage().contains("expected 3"), wrong.getMessage());

        server.stop(0);
        EmbeddingFailure unreachable = assertThrows(EmbeddingFailure.class, () -> provider(KEY).embed("x"));
        assertFalse(unreachable.getMessage().contains(KEY));
        assertFalse(provider(KEY).toString().contains(KEY));
    }
}
