package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of issued tokens' rows (issue 16): many callers at once each get their rows committed
 * before their call returns, visible to any other connection; a write that fails (here a duplicate
 * token id) fails its own caller only, the others' rows are committed.
 */
class GroupCommitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final HikariDataSource pool = H2.fresh();
    private final JdbcDatabase database = new JdbcDatabase(pool);
    private final JdbcAccessTokens tokens = new JdbcAccessTokens(database);
    private final JdbcAuditLog audit = new JdbcAuditLog(database);

    @AfterEach
    void stop() {
        database.stopGroupCommits();
        pool.close();
    }

    @Test
    void everyCallersRowsAreCommittedWhenItReturnsAndABadWriteFailsOnlyItsOwnCaller() throws Exception {
        database.groupCommits(8);
        tokens.add(token("jti-taken", "secret-taken"));
        int callers = 40;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                // every fifth caller reuses a token id already taken: its insert must fail, alone
                String jti = i % 5 == 4 ? "jti-taken" : "jti-" + i;
                int caller = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    database.groupCommit(() -> {
                        tokens.add(token(jti, "secret-" + caller));
                        audit.record(new AuditEvent(AuditEvent.Type.TOKEN_ISSUED, T0, null, "cli",
                                Map.of("jti", jti)));
                        return null;
                    });
                    // committed: another connection sees the token row already
                    return count("SELECT COUNT(*) FROM oauth_access_tokens WHERE token_hash = '"
                            + new MachineSecret("secret-" + caller).hash().hex() + "'");
                }));
            }
            start.countDown();
            int succeeded = 0;
            int failed = 0;
            for (int i = 0; i < callers; i++) {
                if (i % 5 == 4) {
                    int index = i;
                    assertThrows(Exception.class, () -> answers.get(index).get(), "caller " + i + " reused a token id");
                    failed++;
                } else {
                    assertEquals(1, answers.get(i).get(), "caller " + i + "'s row is visible once it returned");
                    succeeded++;
                }
            }
            assertEquals(32, succeeded);
            assertEquals(8, failed);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(33, count("SELECT COUNT(*) FROM oauth_access_tokens"), "32 and the one taken before");
        assertEquals(32, count("SELECT COUNT(*) FROM audit_events"), "a failed token left no audit row");
    }

    @Test
    void insideAnOpenTransactionTheWorkJoinsIt() throws Exception {
        database.groupCommits(8);
        assertThrows(IllegalStateException.class, () -> database.alwaysCommit(() -> {
            database.groupCommit(() -> {
                tokens.add(token("jti-joined", "secret-joined"));
                return null;
            });
            throw new IllegalStateException("the enclosing transaction fails");
        }));
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_access_tokens"), "rolled back with its transaction");
    }

    @Test
    void onceStoppedTheWriterIsGoneAndEachWorkCommitsAlone() throws Exception {
        database.groupCommits(8);
        database.groupCommit(() -> {
            tokens.add(token("jti-before", "secret-before"));
            return null;
        });
        database.stopGroupCommits();
        assertEquals(false, Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("group-commit") && thread.isAlive()
                        && thread.getThreadGroup() != null), "the writer thread ended");
        database.groupCommit(() -> {
            tokens.add(token("jti-after", "secret-after"));
            return null;
        });
        assertEquals(2, count("SELECT COUNT(*) FROM oauth_access_tokens"));
    }

    private static IssuedAccessToken token(String jti, String secret) {
        return new IssuedAccessToken(new AccessTokenClaims(jti, "cli", "cli", List.of("https://r.example/mcp"),
                Scopes.parseSpaceDelimited("memories:read"), T0, T0.plusSeconds(900)), null,
                new MachineSecret(secret).hash(), "family-" + jti, null);
    }

    private int count(String sql) throws Exception {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
