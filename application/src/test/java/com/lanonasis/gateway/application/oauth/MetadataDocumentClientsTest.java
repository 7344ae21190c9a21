package com.lanonasis.gateway.application.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.clients.ClientMetadataDocument;
import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a metadata document must say before its URL is a client. */
class MetadataDocumentClientsTest {

    private static final String URL = "https://app.example.com/oauth/client.json";

    private final List<String> registeredLookups = new ArrayList<>();
    private final Clients registered = new Clients() {
        @Override
        public Optional<OAuthClient> find(String clientId) {
            registeredLookups.add(clientId);
            return Optional.empty();
        }

        @Override
        public void add(OAuthClient client) {
        }

        @Override
        public boolean replace(OAuthClient client) {
            return false;
        }

        @Override
        public boolean remove(String clientId) {
            return false;
        }

        @Override
        public long countDynamic() {
            return 0;
        }
    };

    private static ClientMetadataDocument document(String clientId, List<String> redirects, String method,
                                                   List<String> grants, boolean secret) {
        return new ClientMetadataDocument(clientId, "Example", redirects, method, grants, null, null, secret);
    }

    private Optional<OAuthClient> resolve(ClientMetadataDocument document) {
        return new MetadataDocumentClients(registered, url -> new ClientMetadataDocuments.Found(document)).find(URL);
    }

    @Test
    void aGoodDocumentIsAPublicSelfDescribedClient() {
        OAuthClient client = resolve(document(URL, List.of("http://127.0.0.1/cb", "https://app.example.com/cb"), "none",
                List.of("authorization_code", "refresh_token"), false)).orElseThrow();

        assertTrue(client.isPublic() && client.isMetadataDocument() && client.isSelfDescribed());
        assertTrue(client.allows(GrantType.REFRESH_TOKEN));
        assertTrue(client.redirectFor("http://127.0.0.1:61234/cb").isPresent(), "loopback on any port");
        assertTrue(client.redirectFor("https://app.example.com/cb/").isEmpty(), "everything else exactly");
        assertTrue(resolve(document(URL, List.of("https://app.example.com/cb"), null, null, false)).isPresent(),
                "auth method and grants default to none and authorization_code");
        assertEquals(List.of(), registeredLookups, "URL ids never reach the registered clients");
    }

    @Test
    void documentsBreakingARuleMakeNoClient() {
        List<String> ok = List.of("https://app.example.com/cb");
        assertTrue(resolve(document(URL + "?other", ok, "none", null, false)).isEmpty(), "client_id must be the URL");
        assertTrue(resolve(document(null, ok, "none", null, false)).isEmpty());
        assertTrue(resolve(document(URL, ok, "none", null, true)).isEmpty(), "no secrets");
        assertTrue(resolve(document(URL, ok, "client_secret_post", null, false)).isEmpty());
        assertTrue(resolve(document(URL, ok, "private_key_jwt", null, false)).isEmpty());
        assertTrue(resolve(document(URL, ok, "none", List.of("client_credentials"), false)).isEmpty());
        assertTrue(resolve(document(URL, ok, "none", List.of("refresh_token"), false)).isEmpty());
        assertTrue(resolve(document(URL, List.of(), "none", null, false)).isEmpty(), "needs a redirect");
        assertTrue(resolve(document(URL, List.of("http://app.example.com/cb"), "none", null, false)).isEmpty());
        assertTrue(resolve(document(URL, List.of("https://good.example@evil.example/cb"), "none", null, false))
                .isEmpty());
    }

    @Test
    void anUnavailableDocumentIsAnUnknownClientAndOtherIdsAreLookedUp() {
        MetadataDocumentClients clients = new MetadataDocumentClients(registered,
                url -> new ClientMetadataDocuments.Unavailable("timeout"));

        assertTrue(clients.find(URL).isEmpty());
        assertTrue(clients.find("lanonasis-cli").isEmpty());
        assertEquals(List.of("lanonasis-cli"), registeredLookups);
    }
}
