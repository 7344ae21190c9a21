package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.Grant;
import com.lanonasis.gateway.domain.tokens.port.out.Grants;
import com.lanonasis.gateway.domain.tokens.IssuedAccessToken;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A user's grants: the token families with a live access or refresh token, read from the two token stores. */
public final class InMemoryGrants implements Grants {

    private final InMemoryDatabase database;
    private final InMemoryAccessTokens accessTokens;
    private final InMemoryRefreshTokens refreshTokens;

    public InMemoryGrants(InMemoryDatabase database, InMemoryAccessTokens accessTokens,
                          InMemoryRefreshTokens refreshTokens) {
        this.database = database;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    private record Member(String familyId, String clientId, List<String> scopes, Instant issuedAt,
                          Instant expiresAt) {
    }

    @Override
    public List<Grant> liveOf(UserId user, Instant now) {
        return database.locked(() -> {
            Stream<Member> access = accessTokens.all().stream()
                    .filter(token -> user.equals(token.userId()) && token.revokedAt() == null
                            && token.claims().expiresAt().isAfter(now))
                    .map(token -> new Member(token.familyId(), token.claims().clientId(),
                            token.claims().scopes().names(), token.claims().issuedAt(), token.claims().expiresAt()));
            Stream<Member> refresh = refreshTokens.all().stream()
                    .filter(token -> user.equals(token.userId()) && token.revokedAt() == null
                            && token.rotatedAt() == null && token.expiresAt().isAfter(now))
                    .map(token -> new Member(token.familyId(), token.clientId(), token.scopes().names(),
                            token.issuedAt(), token.expiresAt()));
            Map<String, List<Member>> families = Stream.concat(access, refresh)
                    .collect(Collectors.groupingBy(Member::familyId, LinkedHashMap::new, Collectors.toList()));
            return families.values().stream().map(members -> new Grant(members.get(0).familyId(),
                            members.get(0).clientId(), members.get(0).scopes(),
                            members.stream().map(Member::issuedAt).min(Comparator.naturalOrder()).orElseThrow(),
                            members.stream().map(Member::expiresAt).max(Comparator.naturalOrder()).orElseThrow()))
                    .sorted(Comparator.comparing(Grant::issuedAt).reversed().thenComparing(Grant::familyId))
                    .toList();
        });
    }

    @Override
    public boolean revoke(UserId user, String familyId, Instant at) {
        return revokeFamilies(user, family -> family.equals(familyId), at) > 0;
    }

    @Override
    public int revokeAll(UserId user, Instant at) {
        return revokeFamilies(user, family -> true, at);
    }

    @Override
    public int revokeClient(UserId user, String clientId, Instant at) {
        return database.locked(() -> {
            Set<String> families = liveFamilies(user, clientId::equals);
            accessTokens.revokeWhere(token -> user.equals(token.userId()) && token.claims().clientId().equals(clientId),
                    at);
            refreshTokens.revokeWhere(token -> user.equals(token.userId()) && token.clientId().equals(clientId), at);
            return families.size();
        });
    }

    private int revokeFamilies(UserId user, Predicate<String> family, Instant at) {
        return database.locked(() -> {
            Set<String> families = liveFamilies(user, client -> true).stream().filter(family)
                    .collect(Collectors.toSet());
            accessTokens.revokeWhere(token -> user.equals(token.userId()) && family.test(token.familyId()), at);
            refreshTokens.revokeWhere(token -> user.equals(token.userId()) && family.test(token.familyId()), at);
            return families.size();
        });
    }

    /** Families with an unrevoked token of this user (expired or not, as the JDBC store counts them). */
    private Set<String> liveFamilies(UserId user, Predicate<String> client) {
        return Stream.concat(
                accessTokens.all().stream().filter(token -> user.equals(token.userId()) && token.revokedAt() == null
                        && client.test(token.claims().clientId())).map(IssuedAccessToken::familyId),
                refreshTokens.all().stream().filter(token -> user.equals(token.userId()) && token.revokedAt() == null
                        && client.test(token.clientId())).map(RefreshToken::familyId))
                .collect(Collectors.toSet());
    }
}
