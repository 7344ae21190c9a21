package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.shared.Secret;

/** What the authorization endpoint does next. */
public sealed interface AuthorizationAnswer {

    /** One answer per next step; a new step fails to compile until every caller handles it. */
    interface Cases<R> {
        R refused(Refused answer);

        R redirectError(RedirectError answer);

        R loginRequired(LoginRequired answer);

        R consentRequired(ConsentRequired answer);

        R redirectWithCode(RedirectWithCode answer);
    }

    <R> R match(Cases<R> cases);

    /**
     * The client or redirect URI cannot be trusted: show the error to the user, never
     * redirect (RFC 6749 §4.1.2.1).
     */
    record Refused(String error, String description) implements AuthorizationAnswer {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.refused(this);
        }
    }

    /** An error the client should see, delivered to its validated redirect URI. */
    record RedirectError(String redirectUri, String error, String description, String state)
            implements AuthorizationAnswer {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.redirectError(this);
        }
    }

    /** The user must sign in first, then come back to the same request. */
    record LoginRequired() implements AuthorizationAnswer {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.loginRequired(this);
        }
    }

    record ConsentRequired(PendingAuthorization pending, OAuthClient client) implements AuthorizationAnswer {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.consentRequired(this);
        }
    }

    record RedirectWithCode(String redirectUri, String code, String state) implements AuthorizationAnswer {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.redirectWithCode(this);
        }

        @Override
        public String toString() {
            return Secret.redacted("RedirectWithCode[redirectUri=" + redirectUri + "]");
        }
    }
}
