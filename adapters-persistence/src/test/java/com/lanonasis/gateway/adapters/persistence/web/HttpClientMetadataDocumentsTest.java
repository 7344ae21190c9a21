package com.lanonasis.gateway.adapters.persistence.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.clients.port.out.ClientMetadataDocuments;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The URL and address rules, decided before any connection is made (so no network is needed). */
class HttpClientMetadataDocumentsTest {

    private final HttpClientMetadataDocuments documents = new HttpClientMetadataDocuments(
            new HttpClientMetadataDocuments.Settings(5120, Duration.ofSeconds(3), Duration.ofMinutes(1),
                    Duration.ofHours(24), 100, false), Clock.systemUTC());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc00::2",
        "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void nonPublicAddressesAreRecognised(String literal) throws Exception {
        assertFalse(HttpClientMetadataDocuments.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesAreRecognised(String literal) throws Exception {
        assertTrue(HttpClientMetadataDocuments.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/client.json", "https://127.0.0.1/client.json",
        "https://[::1]/client.json", "https://10.0.0.7:8443/client.json", "https://[::ffff:192.168.0.1]/c.json"})
    void privateHostsAreRefusedBeforeConnecting(String url) {
        ClientMetadataDocuments.Lookup lookup = documents.fetch(url);
        assertTrue(assertInstanceOf(ClientMetadataDocuments.Unavailable.class, lookup).reason()
                .contains("non-public address"), lookup.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/client.json", "ftp://app.example/client.json",
        "https://app.example", "https://app.example/", "https://user@app.example/client.json",
        "https://app.example/a/../client.json", "https://app.example/./client.json",
        "https://app.example/client.json#x", "not a url"})
    void urlsTheDraftForbidsAreRefusedWithoutAnyLookup(String url) {
        assertInstanceOf(ClientMetadataDocuments.Unavailable.class, documents.fetch(url));
    }

    @Test
    void aFailureIsRememberedForTheFailureCacheThenFetchedAgain() {
        MovableClock clock = new MovableClock();
        HttpClientMetadataDocuments remembering = new HttpClientMetadataDocuments(
                new HttpClientMetadataDocuments.Settings(5120, Duration.ofSeconds(3), Duration.ofMinutes(1),
                        Duration.ofHours(24), 100, false, Duration.ofSeconds(30)), clock);
        String url = "https://10.0.0.7/client.json";

        assertFalse(reason(remembering.fetch(url)).contains("remembered failure"));
        assertTrue(reason(remembering.fetch(url)).contains("remembered failure"), "the second lookup is not a fetch");
        clock.now = clock.now.plusSeconds(31);
        assertFalse(reason(remembering.fetch(url)).contains("remembered failure"), "fetched again once it expired");
    }

    @Test
    void rememberedFailuresAreBoundedByTheCacheSize() {
        HttpClientMetadataDocuments small = new HttpClientMetadataDocuments(
                new HttpClientMetadataDocuments.Settings(5120, Duration.ofSeconds(3), Duration.ofMinutes(1),
                        Duration.ofHours(24), 2, false, Duration.ofMinutes(5)), Clock.systemUTC());
        for (int i = 1; i <= 3; i++) {
            small.fetch("https://10.0.0." + i + "/client.json");
        }
        assertFalse(reason(small.fetch("https://10.0.0.1/client.json")).contains("remembered failure"),
                "the eldest entry made room");
        assertTrue(reason(small.fetch("https://10.0.0.3/client.json")).contains("remembered failure"));
    }

    private static String reason(ClientMetadataDocuments.Lookup lookup) {
        return assertInstanceOf(ClientMetadataDocuments.Unavailable.class, lookup).reason();
    }

    private static final class MovableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-12-02T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void plainHttpIsRefusedEvenOnLoopbackByDefault() {
        ClientMetadataDocuments.Lookup lookup = documents.fetch("http://127.0.0.1:9/client.json");
        assertTrue(assertInstanceOf(ClientMetadataDocuments.Unavailable.class, lookup).reason().contains("https"),
                lookup.toString());
    }
}
