package com.lanonasis.gateway.application.oauth.port.in;

/**
 * An RFC 6749 §5.2 error. The description is for developers and never carries the precise
 * internal reason (that goes to the log), nor anything secret.
 */
public record OAuthError(String error, String description) {

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    public static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "client authentication failed");
    }

    public static OAuthError invalidGrant() {
        return new OAuthError("invalid_grant", "the grant is invalid, expired, revoked or was issued to another client");
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description);
    }

    public static OAuthError invalidTarget(String description) {
        return new OAuthError("invalid_target", description);
    }

    public static OAuthError unauthorizedClient(String description) {
        return new OAuthError("unauthorized_client", description);
    }

    public static OAuthError unsupportedGrantType() {
        return new OAuthError("unsupported_grant_type", "this grant type is not supported");
    }
}
