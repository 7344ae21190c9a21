package com.lanonasis.gateway.application.keys.port.in;

import java.util.List;

/**
 * @param scopes           null or empty for the default key scopes
 * @param expiresInSeconds null for a key that does not expire
 */
public record NewApiKeyRequest(String name, List<String> scopes, Long expiresInSeconds) {
}
