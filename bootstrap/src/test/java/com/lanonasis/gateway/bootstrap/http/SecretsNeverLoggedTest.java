package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpHeaders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * At DEBUG, runs the flows that handle secrets (sign-up, login, API keys, memories over REST and MCP,
 * client registration and client credentials, failed attempts), captures every log line they
 * cause — message, fields, logging context and stack traces — and looks for each secret in them,
 * and in every row of the audit log.
 */
@MicronautTest
class SecretsNeverLoggedTest extends HttpTest {

    @jakarta.inject.Inject
    com.zaxxer.hikari.HikariDataSource database;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;
    private Level level;

    @BeforeEach
    void capture() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        root.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(level);
    }

    @Test
    void noSecretReachesTheLogs() {
        List<String> secrets = new ArrayList<>();
        Api.Account account = api.newAccount();
        secrets.add(account.password());
        secrets.add(account.token());
        String key = api.apiKey(account, null);
        secrets.add(key);
        secrets.add(key.substring(key.indexOf(".sk_") + 4));

        assertEquals(201, api.post("/api/v1/memory", Map.of("title", "t", "content", "c"), "X-API-Key", key).status());
        assertEquals(200, api.post("/api/v1/tools/memory_list", Map.of(), "X-API-Key", key).status());
        assertEquals(401, api.post("/v1/auth/login", Map.of("email", account.email(),
                "password", "wrong " + account.password())).status());
        secrets.add("wrong " + account.password());
        assertEquals(401, api.get("/api/v1/memory", "X-API-Key", key + "tampered").status());
        assertEquals(401, api.get("/api/v1/memory", HttpHeaders.AUTHORIZATION, "Bearer " + account.token() + "x")
                .status());

        Api.Reply client = api.post("/register", Map.of("client_name", "logged?", "grant_types",
                List.of("client_credentials"), "response_types", List.of(), "scope", "memories:read"));
        assertEquals(201, client.status(), client.toString());
        String clientSecret = client.string("client_secret");
        secrets.add(clientSecret);
        secrets.add(client.string("registration_access_token"));
        Api.Reply token = api.post("/oauth/token", Map.of("grant_type", "client_credentials",
                "client_id", client.string("client_id"), "client_secret", clientSecret));
        assertEquals(200, token.status(), token.toString());
        secrets.add(token.string("access_token"));

        assertEquals(200, api.post("/mcp/auth", Map.of("email", account.email(), "password", account.password()))
                .status());
        String keyId = key.substring(3, key.indexOf('.'));
        assertEquals(204, api.delete("/api/v1/auth/api-keys/" + keyId, account.bearer()).status());

        List<ILoggingEvent> events;
        synchronized (captured) { // the appender appends under its own lock; background threads still log
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = events.stream().map(SecretsNeverLoggedTest::everything).toList();
        assertFalse(lines.isEmpty());
        List<String> auditRows = auditRows();
        assertTrue(auditRows.stream().anyMatch(row -> row.startsWith("API_KEY_CREATED"))
                && auditRows.stream().anyMatch(row -> row.startsWith("API_KEY_REVOKED"))
                && auditRows.stream().anyMatch(row -> row.startsWith("LOGIN_FAILED")), "the audit rows were read");
        for (String secret : secrets) {
            auditRows.stream().filter(row -> row.contains(secret)).findFirst().ifPresent(row -> {
                throw new AssertionError("a secret reached the audit log: " + row);
            });
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("/api/v1/memory")), "the access log was captured");
        for (String secret : secrets) {
            assertTrue(secret != null && secret.length() >= 8, "a real secret: " + secret);
            lines.stream().filter(line -> line.contains(secret)).findFirst().ifPresent(line -> {
                throw new AssertionError("a secret reached the logs: " + line);
            });
        }
    }

    /** Every audit row as text, every column. */
    private List<String> auditRows() {
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection connection = database.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(
                     "SELECT type, at, user_id, client_id, details FROM audit_events");
             java.sql.ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4)
                        + " " + row.getString(5));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> text.append(' ').append(pair.key).append('=').append(pair.value));
        }
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString();
    }
}
