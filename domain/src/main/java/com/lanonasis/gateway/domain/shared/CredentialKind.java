package com.lanonasis.gateway.domain.shared;

/** How the caller proved who it is. */
public enum CredentialKind {
    /** A login JWT (the platform's "legacy JWT"). */
    USER_TOKEN,
    API_KEY,
    /** An OAuth 2.1 access token, JWT or opaque. */
    OAUTH_TOKEN,
    /** The browser session cookie of the login and consent pages. */
    WEB_SESSION
}
