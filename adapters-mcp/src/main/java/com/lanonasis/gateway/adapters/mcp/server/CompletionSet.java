package com.lanonasis.gateway.adapters.mcp.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Argument completions (completion/complete) for prompts or resource templates. */
public interface CompletionSet {

    /** Suggested values, or empty when this set knows nothing of {@code ref}. */
    Optional<List<String>> complete(Map<String, Object> ref, String argument, String value);
}
