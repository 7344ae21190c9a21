package com.lanonasis.gateway.adapters.persistence.embeddings;

import com.lanonasis.gateway.adapters.persistence.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lanonasis.gateway.domain.memory.EmbeddingFailure;
import com.lanonasis.gateway.domain.memory.EmbeddingModel;
import com.lanonasis.gateway.domain.memory.port.out.Embeddings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI-compatible {@code POST {base}/embeddings} provider (OpenAI, Azure-style gateways,
 * Ollama, LM Studio, vLLM...), for deployments that have one. The key goes in the Authorization
 * header only; it is never logged nor part of an error.
 */
public final class OpenAiCompatibleEmbeddings implements Embeddings {

    private static final int MAX_BATCH = 64;

    private final URI endpoint;
    private final String key;
    private final EmbeddingModel model;
    private final boolean sendDimensions;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = Json.MAPPER;

    /**
     * @param baseUrl        e.g. {@code https://api.openai.com/v1}
     * @param key            null for providers without keys (a local Ollama)
     * @param sendDimensions ask the provider for this many dimensions (models that can shorten)
     */
    public OpenAiCompatibleEmbeddings(URI baseUrl, String key, EmbeddingModel model, boolean sendDimensions,
                                      Duration timeout) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
        this.key = key;
        this.model = model;
        this.sendDimensions = sendDimensions;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += MAX_BATCH) {
            vectors.addAll(batch(texts.subList(from, Math.min(texts.size(), from + MAX_BATCH))));
        }
        return vectors;
    }

    private List<float[]> batch(List<String> texts) {
        ObjectNode body = json.createObjectNode().put("model", model.id());
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        if (sendDimensions) {
            body.put("dimensions", model.dimensions());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EmbeddingFailure("embedding provider at " + endpoint.getHost() + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailure("interrupted while embedding", e);
        }
        if (response.statusCode() != 200) {
            throw new EmbeddingFailure("embedding provider at " + endpoint.getHost() + " answered "
                    + response.statusCode());
        }
        try {
            JsonNode data = json.readTree(response.body()).path("data");
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                int index = item.path("index").asInt(i);
                JsonNode values = item.path("embedding");
                if (index < 0 || index >= vectors.length || values.size() != model.dimensions()) {
                    throw new EmbeddingFailure("embedding provider sent a vector of " + values.size()
                            + " dimensions at index " + index + "; expected " + model.dimensions());
                }
                float[] vector = new float[values.size()];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = (float) values.get(d).asDouble();
                }
                vectors[index] = Embeddings.normalized(vector);
            }
            for (float[] vector : vectors) {
                if (vector == null) {
                    throw new EmbeddingFailure("embedding provider sent fewer vectors than texts");
                }
            }
            return List.of(vectors);
        } catch (IOException e) {
            throw new EmbeddingFailure("embedding provider sent unreadable JSON", e);
        }
    }

    @Override
    public String toString() {
        return "OpenAiCompatibleEmbeddings[" + endpoint + ", " + model + ", key=" + (key == null ? "none" : "***") + "]";
    }
}
