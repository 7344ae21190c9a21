package com.lanonasis.gateway.domain.shared;

/** How the caller proved who it is. */
public enum CredentialKind {
    USER_TOKEN, API_KEY
}
