package com.lanonasis.gateway.bootstrap.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.bootstrap.oauth.DocumentServer.Answer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default settings (no allow-private-hosts), a metadata document on a private or
 * loopback address, or over plain http, is never fetched: the same documents the other test
 * serves and accepts are refused here.
 */
@MicronautTest
class ClientIdMetadataDocumentDefaultsTest extends OAuthTestSupport {

    private static DocumentServer documents;

    @BeforeAll
    static void startDocumentServer() throws Exception {
        documents = new DocumentServer();
    }

    @AfterAll
    static void stopDocumentServer() {
        documents.close();
    }

    @Test
    void aPlainHttpDocumentIsNeverFetched() {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String url = documents.url(path);
        documents.serve(path, Answer.json(ClientIdMetadataDocumentTest.document(url, CALLBACK.toString(), "")));

        assertRefused(url);
        assertEquals(0, documents.fetches(path));
    }

    @Test
    void documentsOnLoopbackOrPrivateAddressesAreRefused() {
        String path = "/apps/" + UUID.randomUUID() + ".json";
        String https = documents.url(path).replace("http://", "https://");
        documents.serve(path, Answer.json(ClientIdMetadataDocumentTest.document(https, CALLBACK.toString(), "")));

        assertRefused(https);
        assertRefused(https.replace("127.0.0.1", "localhost"));
        assertRefused("https://169.254.169.254/latest/meta-data/client.json");
        assertRefused("https://10.0.0.7/client.json");
        assertEquals(0, documents.fetches(path));
    }

    private void assertRefused(String clientId) {
        String query = "response_type=code&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)
                + "&state=s1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&scope=memories:read";
        HttpResponse<String> page = new Browser(base).get("/oauth/authorize?" + query);
        assertEquals(400, page.statusCode(), page.body());
        assertFalse(page.headers().firstValue("Location").isPresent());
        assertTrue(page.body().contains("<code>invalid_client</code>"), page.body());
    }
}
