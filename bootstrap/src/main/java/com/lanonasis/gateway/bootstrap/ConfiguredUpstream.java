package com.lanonasis.gateway.bootstrap;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * One upstream MCP server under {@code onasis.upstreams.<name>} (environment:
 * {@code ONASIS_UPSTREAMS_<NAME>_URL}, {@code _COMMAND}, {@code _ARGS}, …). Read-only at run time.
 */
@EachProperty("onasis.upstreams")
final class ConfiguredUpstream {

    private final String name;
    private String title;
    private String url;
    private String command;
    private List<String> args = List.of();
    private List<String> env = List.of();
    private String workingDir;
    private List<String> requiredScopes = List.of();
    private List<String> allowedUsers = List.of();
    private List<String> allowedEmails = List.of();
    private boolean apiKeys;
    private String credentialHeader;
    private String credentialValue;
    private boolean enabled = true;

    ConfiguredUpstream(@Parameter String name) {
        this.name = name;
    }

    String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCommand() {
        return command;
    }

    public void setCommand(String command) {
        this.command = command;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    /** {@code NAME=value} entries: a list, because Micronaut rewrites the keys of a configured map to kebab case. */
    public List<String> getEnv() {
        return env;
    }

    public void setEnv(List<String> env) {
        this.env = env;
    }

    public String getWorkingDir() {
        return workingDir;
    }

    public void setWorkingDir(String workingDir) {
        this.workingDir = workingDir;
    }

    public List<String> getRequiredScopes() {
        return requiredScopes;
    }

    public void setRequiredScopes(List<String> requiredScopes) {
        this.requiredScopes = requiredScopes;
    }

    public List<String> getAllowedUsers() {
        return allowedUsers;
    }

    public void setAllowedUsers(List<String> allowedUsers) {
        this.allowedUsers = allowedUsers;
    }

    public List<String> getAllowedEmails() {
        return allowedEmails;
    }

    public void setAllowedEmails(List<String> allowedEmails) {
        this.allowedEmails = allowedEmails;
    }

    public boolean isApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(boolean apiKeys) {
        this.apiKeys = apiKeys;
    }

    public String getCredentialHeader() {
        return credentialHeader;
    }

    public void setCredentialHeader(String credentialHeader) {
        this.credentialHeader = credentialHeader;
    }

    public String getCredentialValue() {
        return credentialValue;
    }

    public void setCredentialValue(String credentialValue) {
        this.credentialValue = credentialValue;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
