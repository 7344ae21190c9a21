package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.AccessTokenClaims;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import com.lanonasis.gateway.domain.tokens.port.out.AccessTokens;
import com.lanonasis.gateway.application.port.out.UnitOfWork;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refresh and access token records, and the unit of work's all-or-nothing writes, on every database and in memory. */
abstract class TokenStoresContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The stores under test and the unit of work they join. */
    record Stores(UnitOfWork unitOfWork, RefreshTokens refreshTokens, AccessTokens accessTokens) {
    }

    private final Stores stores = stores();
    private final UnitOfWork database = stores.unitOfWork();
    private final RefreshTokens refreshTokens = stores.refreshTokens();
    private final AccessTokens accessTokens = stores.accessTokens();

    /** The JDBC stores over {@link #dataSource()}; another backend overrides this instead. */
    Stores stores() {
        JdbcDatabase jdbc = new JdbcDatabase(dataSource());
        return new Stores(jdbc, new JdbcRefreshTokens(jdbc), new JdbcAccessTokens(jdbc));
    }

    DataSource dataSource() {
        throw new UnsupportedOperationException("a JDBC backend provides its data source");
    }
    private final UserId user = new UserId(UUID.randomUUID());

    /** Ends the pools this test opened on the embedded Postgres (nothing for the other backends). */
    @AfterEach
    void closeTestDatabases() {
        Postgres.closeOpened();
    }

    @Test
    void refreshTokenRotatesExactlyOnceAndFamiliesRevokeTogether() {
        RefreshToken first = refresh("r1", "family");
        RefreshToken other = refresh("r2", "family");
        RefreshToken unrelated = refresh("r3", "elsewhere");

        assertEquals(Optional.of(first), refreshTokens.find(first.hash()));
        assertTrue(refreshTokens.rotate(first.hash(), T0.plusSeconds(1)));
        assertFalse(refreshTokens.rotate(first.hash(), T0.plusSeconds(2)), "a second rotation is reuse");
        refreshTokens.revokeFamily("family", T0.plusSeconds(3));

        assertNotNull(refreshTokens.find(other.hash()).orElseThrow().revokedAt());
        assertEquals(null, refreshTokens.find(unrelated.hash()).orElseThrow().revokedAt());
    }

    @Test
    void accessTokensAreFoundByHashAndRevocable() {
        IssuedAccessToken token = access("a1", "family");
        access("a2", "family");
        IssuedAccessToken unrelated = access("a3", "other");

        assertEquals(Optional.of(token), accessTokens.byTokenHash(new MachineSecret("a1").hash()));
        accessTokens.revokeFamily("family", T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5), accessTokens.byTokenHash(new MachineSecret("a2").hash()).orElseThrow()
                .revokedAt());
        assertEquals(null, accessTokens.byTokenHash(new MachineSecret("a3").hash()).orElseThrow().revokedAt());
        accessTokens.revoke(unrelated.claims().tokenId(), T0.plusSeconds(6));
        assertFalse(accessTokens.byTokenHash(new MachineSecret("a3").hash()).orElseThrow().activeAt(T0));
        assertEquals(Optional.empty(), accessTokens.byTokenHash(new MachineSecret("unknown").hash()));
    }

    @Test
    void unitOfWorkCommitsOrRollsBackEverything() {
        database.alwaysCommit(() -> {
            refresh("kept", "f1");
            return "ok";
        });
        assertTrue(refreshTokens.find(new MachineSecret("kept").hash()).isPresent());

        assertThrows(IllegalStateException.class, () -> database.alwaysCommit(() -> {
            refresh("thrown", "f2");
            throw new IllegalStateException("boom");
        }));
        assertTrue(refreshTokens.find(new MachineSecret("thrown").hash()).isEmpty(), "rolled back on exception");

        database.allOrNothing(() -> {
            refresh("rejected", "f3");
            return Outcome.rejected(new Rejection.NotFound("x"));
        });
        assertTrue(refreshTokens.find(new MachineSecret("rejected").hash()).isEmpty(), "all or nothing: rejected");

        database.allOrNothing(() -> {
            refresh("done", "f5");
            return Outcome.done("ok");
        });
        assertTrue(refreshTokens.find(new MachineSecret("done").hash()).isPresent(), "all or nothing: done");

        database.alwaysCommit(() -> {
            refresh("refused-but-kept", "f6");
            return Outcome.rejected(new Rejection.NotFound("x"));
        });
        assertTrue(refreshTokens.find(new MachineSecret("refused-but-kept").hash()).isPresent(),
                "always commit keeps a refusal's writes");

        assertThrows(IllegalStateException.class, () -> database.alwaysCommit(() -> {
            database.alwaysCommit(() -> refresh("inner", "f4"));
            throw new IllegalStateException("outer fails");
        }));
        assertTrue(refreshTokens.find(new MachineSecret("inner").hash()).isEmpty(), "nested work joins the outer");
    }

    private RefreshToken refresh(String value, String family) {
        RefreshToken token = new RefreshToken(new MachineSecret(value).hash(), family, "cli", user,
                Scopes.parseSpaceDelimited("memories:read"), List.of("https://r.example/mcp"), T0, T0.plusSeconds(600),
                null, null);
        refreshTokens.add(token);
        return token;
    }

    private IssuedAccessToken access(String value, String family) {
        IssuedAccessToken token = new IssuedAccessToken(new AccessTokenClaims(UUID.randomUUID().toString(),
                user.toString(), "cli", List.of("https://r.example/api/v1", "https://r.example/mcp"),
                Scopes.parseSpaceDelimited("memories:read"), T0, T0.plusSeconds(900)), user,
                new MachineSecret(value).hash(), family, null);
        accessTokens.add(token);
        return token;
    }
}
