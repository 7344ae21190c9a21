package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.clients.ClientAuthMethod;
import com.lanonasis.gateway.domain.clients.ClientMetadataDocument;
import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.clients.RedirectUri;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Scopes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The clients the OAuth services see: registered ones, and those whose {@code client_id} is the
 * URL of a Client ID Metadata Document (draft-ietf-oauth-client-id-metadata-document), built
 * from that document each time it is asked for (the adapter caches the fetch). A document that
 * cannot be fetched or breaks a rule makes an unknown client: {@code invalid_client} at the
 * token endpoint, an error page at the authorization endpoint; the reason goes to the log.
 */
public final class MetadataDocumentClients implements Clients {

    private static final System.Logger LOG = System.getLogger(MetadataDocumentClients.class.getName());
    private static final Set<GrantType> USABLE_GRANTS = Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    private final Clients registered;
    private final ClientMetadataDocuments documents;

    public MetadataDocumentClients(Clients registered, ClientMetadataDocuments documents) {
        this.registered = registered;
        this.documents = documents;
    }

    @Override
    public Optional<OAuthClient> find(String clientId) {
        if (!OAuthClient.isMetadataDocumentId(clientId)) {
            return registered.find(clientId);
        }
        ClientMetadataDocuments.Lookup lookup = documents.fetch(clientId);
        if (lookup instanceof ClientMetadataDocuments.Unavailable unavailable) {
            LOG.log(System.Logger.Level.INFO, () -> "client metadata document refused: " + unavailable.reason());
            return Optional.empty();
        }
        ClientMetadataDocument document = ((ClientMetadataDocuments.Found) lookup).document();
        try {
            return Optional.of(toClient(clientId, document));
        } catch (InvalidValue invalid) {
            LOG.log(System.Logger.Level.INFO,
                    () -> "client metadata document refused: " + invalid.field() + ": " + invalid.getMessage());
            return Optional.empty();
        }
    }

    /** The draft's rules: the document names itself (its client_id is its URL), is public, and lists exact redirects. */
    static OAuthClient toClient(String url, ClientMetadataDocument document) {
        if (!url.equals(document.clientId())) {
            throw new InvalidValue("client_id", "the document's client_id is not the URL it was fetched from");
        }
        if (document.declaresSecret()) {
            throw new InvalidValue("client_secret", "a metadata document must not carry a client secret");
        }
        String method = document.tokenEndpointAuthMethod() == null ? "none" : document.tokenEndpointAuthMethod();
        if (!ClientAuthMethod.NONE.wireName().equals(method)) {
            throw new InvalidValue("token_endpoint_auth_method", "only none is supported for metadata documents");
        }
        List<RedirectUri> redirects = new ArrayList<>();
        for (String uri : document.redirectUris() == null ? List.<String>of() : document.redirectUris()) {
            RedirectUri redirect = new RedirectUri(uri);
            if (redirect.hasUserInfo() || !redirect.isHttpsOrLoopback()) {
                throw new InvalidValue("redirect_uris", "redirect URIs must use https, or http on a loopback address");
            }
            redirects.add(redirect);
        }
        Set<GrantType> grants = new LinkedHashSet<>();
        for (String grant : document.grantTypes() == null ? List.of("authorization_code") : document.grantTypes()) {
            GrantType parsed = GrantType.parse(grant);
            if (!USABLE_GRANTS.contains(parsed)) {
                throw new InvalidValue("grant_types", "a metadata document client may use authorization_code and "
                        + "refresh_token only");
            }
            grants.add(parsed);
        }
        if (!grants.contains(GrantType.AUTHORIZATION_CODE)) {
            throw new InvalidValue("grant_types", "a metadata document client needs authorization_code");
        }
        if (document.responseTypes() != null && !document.responseTypes().equals(List.of("code"))) {
            throw new InvalidValue("response_types", "response_types must be [\"code\"]");
        }
        Scopes scopes = document.scope() == null || document.scope().isBlank()
                ? ClientRegistrationService.DEFAULT_SCOPES : Scopes.parseSpaceDelimited(document.scope());
        return new OAuthClient(url, document.clientName(), ClientAuthMethod.NONE, null, redirects, grants, scopes,
                null, Instant.EPOCH);
    }

    @Override
    public void add(OAuthClient client) {
        registered.add(client);
    }

    @Override
    public boolean replace(OAuthClient client) {
        return registered.replace(client);
    }

    @Override
    public boolean remove(String clientId) {
        return registered.remove(clientId);
    }

    @Override
    public long countDynamic() {
        return registered.countDynamic();
    }
}
