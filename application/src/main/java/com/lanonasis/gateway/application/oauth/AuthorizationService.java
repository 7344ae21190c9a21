package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer.ConsentRequired;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer.LoginRequired;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer.RedirectError;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer.RedirectWithCode;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationAnswer.Refused;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizationRequest;
import com.lanonasis.gateway.application.oauth.port.in.AuthorizeUseCase;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.codes.Pkce;
import com.lanonasis.gateway.domain.shared.port.out.IdGenerator;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import com.lanonasis.gateway.domain.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The authorization endpoint (code flow with PKCE) and the consent decision. */
public final class AuthorizationService implements AuthorizeUseCase {

    static final int CODE_LENGTH = 43;

    private final Clients clients;
    private final Consents consents;
    private final PendingAuthorizations pendings;
    private final AuthorizationCodes codes;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final OAuthSettings settings;
    private final Resources resources;
    private final Scopes dynamicClientScopes;

    /** @param dynamicClientScopes what a dynamically registered client may ask for (see {@link OAuthClient#mayAskFor}) */
    public AuthorizationService(Clients clients, Resources resources, Consents consents,
                                PendingAuthorizations pendings, AuthorizationCodes codes, AuditLog audit,
                                SecretGenerator secrets, IdGenerator ids, Clock clock, OAuthSettings settings,
                                Scopes dynamicClientScopes) {
        this.dynamicClientScopes = dynamicClientScopes;
        this.clients = clients;
        this.consents = consents;
        this.pendings = pendings;
        this.codes = codes;
        this.audit = audit;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.resources = resources;
    }

    /**
     * RFC 9700 §4.11.2: an unverified, dynamically registered client's redirect URI is anybody's,
     * so before a person has signed in its errors are shown as a page, never redirected (the
     * endpoint would otherwise be an open redirector).
     */
    @Override
    public AuthorizationAnswer authorize(AuthorizationRequest request, Optional<UserId> signedIn) {
        AuthorizationAnswer answer = decide(request, signedIn);
        if (answer instanceof RedirectError error && signedIn.isEmpty()
                && clients.find(request.clientId()).map(OAuthClient::isSelfDescribed).orElse(true)) {
            return new Refused(error.error(), error.description());
        }
        return answer;
    }

    private AuthorizationAnswer decide(AuthorizationRequest request, Optional<UserId> signedIn) {
        if (request.clientId() == null || request.clientId().isBlank()) {
            return new Refused("invalid_request", "client_id is missing");
        }
        Optional<OAuthClient> found = clients.find(request.clientId());
        if (found.isEmpty() && OAuthClient.isMetadataDocumentId(request.clientId())) {
            return new Refused("invalid_client", "this app's client metadata document could not be fetched or "
                    + "is not acceptable");
        }
        if (found.isEmpty()) {
            return new Refused("invalid_client", "this client is not registered (register it again)");
        }
        OAuthClient client = found.get();
        String redirectUri = request.redirectUri();
        if (redirectUri == null) {
            if (client.redirectUris().size() != 1) {
                return new Refused("invalid_request", "redirect_uri is missing");
            }
            redirectUri = client.redirectUris().get(0).value();
        } else if (client.redirectFor(redirectUri).isEmpty()) {
            return new Refused("invalid_request", "redirect_uri is not registered for this client");
        }
        String state = request.state();
        if (!"code".equals(request.responseType())) {
            return new RedirectError(redirectUri, "unsupported_response_type", "response_type must be code", state);
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return new RedirectError(redirectUri, "unauthorized_client",
                    "this client may not use the authorization code grant", state);
        }
        if (!Pkce.S256.equals(request.codeChallengeMethod())) {
            return new RedirectError(redirectUri, "invalid_request",
                    "PKCE is required with code_challenge_method=S256", state);
        }
        if (!Pkce.isWellFormedChallenge(request.codeChallenge())) {
            return new RedirectError(redirectUri, "invalid_request",
                    "code_challenge must be the base64url SHA-256 of the verifier", state);
        }
        Scopes scopes;
        try {
            scopes = request.scope() == null || request.scope().isBlank() ? client.scopes()
                    : Scopes.parseSpaceDelimited(request.scope());
        } catch (InvalidValue e) {
            return new RedirectError(redirectUri, "invalid_scope", "scope is malformed", state);
        }
        if (!client.mayAskFor(scopes, dynamicClientScopes)) {
            return new RedirectError(redirectUri, "invalid_scope", "scope exceeds what this client may ask for", state);
        }
        Optional<OAuthError> badResource = resources.checkKnown(request.resources());
        if (badResource.isPresent()) {
            return new RedirectError(redirectUri, badResource.get().error(), badResource.get().description(), state);
        }
        if (signedIn.isEmpty()) {
            return new LoginRequired();
        }
        UserId user = signedIn.get();
        if (consents.covers(user, client.clientId(), scopes)) {
            return issueCode(user, client.clientId(), redirectUri, scopes, state, request.codeChallenge(),
                    request.resources());
        }
        PendingAuthorization pending = new PendingAuthorization(secrets.alphanumeric(32), user, client.clientId(),
                redirectUri, scopes, state, request.codeChallenge(), request.resources(),
                clock.instant().plus(settings.consentLifetime()));
        pendings.add(pending);
        return new ConsentRequired(pending, client);
    }

    @Override
    public AuthorizationAnswer answerConsent(UserId user, String pendingId, boolean approved) {
        Optional<PendingAuthorization> taken = pendingId == null ? Optional.empty() : pendings.take(pendingId);
        Instant now = clock.instant();
        if (taken.isEmpty() || !taken.get().userId().equals(user) || !now.isBefore(taken.get().expiresAt())) {
            return new Refused("invalid_request", "this authorization request has expired; start again from the app");
        }
        PendingAuthorization pending = taken.get();
        if (!approved) {
            return new RedirectError(pending.redirectUri(), "access_denied", "the user denied the request",
                    pending.state());
        }
        consents.grant(user, pending.clientId(), pending.scopes());
        audit.record(new AuditEvent(AuditEvent.Type.CONSENT_GRANTED, now, user.toString(), pending.clientId(),
                Map.of("scope", pending.scopes().spaceDelimited())));
        return issueCode(user, pending.clientId(), pending.redirectUri(), pending.scopes(), pending.state(),
                pending.codeChallenge(), pending.resources());
    }

    private RedirectWithCode issueCode(UserId user, String clientId, String redirectUri, Scopes scopes, String state,
                                       String challenge, List<String> granted) {
        MachineSecret code = new MachineSecret(secrets.alphanumeric(CODE_LENGTH));
        codes.add(new AuthorizationCode(code.hash(), clientId, user, redirectUri, scopes, challenge, granted,
                ids.newId().toString(), clock.instant().plus(settings.codeLifetime())));
        return new RedirectWithCode(redirectUri, code.reveal(), state);
    }
}
