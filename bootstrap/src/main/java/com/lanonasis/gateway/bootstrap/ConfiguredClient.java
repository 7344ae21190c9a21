package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/** One pre-registered OAuth client under {@code onasis.oauth.clients.<client-id>}. */
@EachProperty("onasis.oauth.clients")
final class ConfiguredClient {

    private final String clientId;
    private String name;
    private List<String> redirectUris = List.of();
    private List<String> grantTypes = List.of("authorization_code", "refresh_token");
    private String scopes;

    ConfiguredClient(@Parameter String clientId) {
        this.clientId = clientId;
    }

    String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(List<String> redirectUris) {
        this.redirectUris = redirectUris;
    }

    public List<String> getGrantTypes() {
        return grantTypes;
    }

    public void setGrantTypes(List<String> grantTypes) {
        this.grantTypes = grantTypes;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }
}
