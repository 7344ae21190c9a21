package com.lanonasis.gateway.adapters.http.security;

import io.micronaut.context.annotation.EachProperty;
import java.util.List;

/**
 * One named route requirement under {@code onasis.forward-auth.rules}, chosen by the proxy with
 * {@code /verify?rule=<name>}. Read by {@link ForwardAuthRules}, which checks it at start-up.
 */
@EachProperty(value = "onasis.forward-auth.rules", list = true)
final class ForwardAuthRule {

    private String name;
    private List<String> scopes = List.of();
    private List<String> users = List.of();
    private List<String> emails = List.of();
    private String audience;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public List<String> getUsers() {
        return users;
    }

    public void setUsers(List<String> users) {
        this.users = users;
    }

    public List<String> getEmails() {
        return emails;
    }

    public void setEmails(List<String> emails) {
        this.emails = emails;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }
}
