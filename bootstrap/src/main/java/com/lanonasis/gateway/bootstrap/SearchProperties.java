package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Locale;

/**
 * Memory search, {@code onasis.search.*} (docs/search.md), bound at start-up and checked when bound: a value
 * out of range stops start-up with one line naming its environment variable. Whether the configured provider
 * works (the OpenAI-compatible URL, key and model) is checked by {@code SearchFactory}, which calls it.
 *
 * @param embeddings          {@code ONASIS_SEARCH_EMBEDDINGS}: in-process, openai or none
 * @param degrade             {@code ONASIS_SEARCH_DEGRADE}: fail or text
 * @param modelLoading        {@code ONASIS_SEARCH_MODEL_LOADING}: background or startup
 * @param modelWait           {@code ONASIS_SEARCH_MODEL_WAIT}: embedding waits this long for a loading model (≥ 0)
 * @param duplicateSimilarity {@code ONASIS_SEARCH_DUPLICATE_SIMILARITY}: in (0, 1]
 * @param cacheVectors        {@code ONASIS_SEARCH_CACHE_VECTORS}: auto or a number of vectors (≥ 0)
 * @param cacheRevalidate     {@code ONASIS_SEARCH_CACHE_REVALIDATE}: how stale a cached user's vectors may get (≥ 0)
 * @param openai              {@code onasis.search.openai.*}
 */
@Context // bound and checked at start-up
@ConfigurationProperties("onasis.search")
record SearchProperties(@Bindable(defaultValue = "in-process") String embeddings,
                        @Bindable(defaultValue = "fail") String degrade,
                        @Bindable(defaultValue = "background") String modelLoading,
                        @Bindable(defaultValue = "30s") Duration modelWait,
                        @Bindable(defaultValue = "0.95") double duplicateSimilarity,
                        @Bindable(defaultValue = "auto") String cacheVectors,
                        @Bindable(defaultValue = "1s") Duration cacheRevalidate,
                        OpenAi openai) {

    SearchProperties {
        String mode = degrade.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("fail") && !mode.equals("text")) {
            throw new IllegalArgumentException("ONASIS_SEARCH_DEGRADE must be fail or text, not " + degrade);
        }
        degrade = mode;
        if (!(duplicateSimilarity > 0 && duplicateSimilarity <= 1)) {
            throw new IllegalArgumentException("ONASIS_SEARCH_DUPLICATE_SIMILARITY must be in (0, 1]");
        }
        String load = modelLoading.strip().toLowerCase(Locale.ROOT);
        if (!load.equals("background") && !load.equals("startup")) {
            throw new IllegalArgumentException("ONASIS_SEARCH_MODEL_LOADING must be background or startup, not "
                    + modelLoading);
        }
        modelLoading = load;
        String provider = embeddings.strip().toLowerCase(Locale.ROOT);
        if (!provider.equals("in-process") && !provider.equals("openai") && !provider.equals("none")) {
            throw new IllegalArgumentException(
                    "ONASIS_SEARCH_EMBEDDINGS must be in-process, openai or none, not " + embeddings);
        }
        embeddings = provider;
        notNegative("ONASIS_SEARCH_MODEL_WAIT (onasis.search.model-wait)", modelWait);
        notNegative("ONASIS_SEARCH_CACHE_REVALIDATE (onasis.search.cache-revalidate)", cacheRevalidate);
        SearchFactory.vectorBudget(cacheVectors, 0); // refuses anything but auto or a number, naming the variable
        openai = openai == null ? new OpenAi(null, null, null, 1536, false, Duration.ofSeconds(10)) : openai;
    }

    /**
     * The OpenAI-compatible provider ({@code ONASIS_SEARCH_EMBEDDINGS=openai}).
     *
     * @param baseUrl        {@code ONASIS_SEARCH_OPENAI_BASE_URL}: required, and checked, with openai only
     * @param key            {@code ONASIS_SEARCH_OPENAI_KEY}: empty: none sent
     * @param model          {@code ONASIS_SEARCH_OPENAI_MODEL}: empty: text-embedding-3-small
     * @param dimensions     {@code ONASIS_SEARCH_OPENAI_DIMENSIONS}: checked by {@code EmbeddingModel}
     * @param sendDimensions {@code ONASIS_SEARCH_OPENAI_SEND_DIMENSIONS}
     * @param timeout        {@code ONASIS_SEARCH_OPENAI_TIMEOUT}: positive
     */
    @ConfigurationProperties("openai")
    record OpenAi(@Nullable String baseUrl,
                  @Nullable String key,
                  @Nullable String model,
                  @Bindable(defaultValue = "1536") int dimensions,
                  @Bindable(defaultValue = "false") boolean sendDimensions,
                  @Bindable(defaultValue = "10s") Duration timeout) {

        OpenAi {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("ONASIS_SEARCH_OPENAI_TIMEOUT (onasis.search.openai.timeout) must be"
                        + " a positive duration such as 10s, not " + timeout);
            }
        }
    }

    private static void notNegative(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a duration of 0 or more such as 1s, not " + value);
        }
    }
}
