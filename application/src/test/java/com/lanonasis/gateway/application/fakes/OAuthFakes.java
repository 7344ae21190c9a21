package com.lanonasis.gateway.application.fakes;

import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.Consent;
import com.lanonasis.gateway.domain.clients.port.out.Consents;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.AuthorizationCode;
import com.lanonasis.gateway.domain.codes.port.out.AuthorizationCodes;
import com.lanonasis.gateway.domain.codes.CodeRedemption;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.PendingAuthorizations;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.SecretHash;
import com.lanonasis.gateway.domain.shared.UserId;
import com.lanonasis.gateway.domain.tokens.RefreshToken;
import com.lanonasis.gateway.domain.tokens.port.out.RefreshTokens;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small in-memory fakes of the OAuth stores, with the same single-use and rotation rules as the real ones. */
public final class OAuthFakes {

    private OAuthFakes() {
    }

    public static final class InMemoryClients implements Clients {
        public final Map<String, OAuthClient> clients = new HashMap<>();

        @Override
        public Optional<OAuthClient> find(String clientId) {
            return Optional.ofNullable(clients.get(clientId));
        }

        @Override
        public void add(OAuthClient client) {
            clients.put(client.clientId(), client);
        }

        @Override
        public boolean replace(OAuthClient client) {
            return clients.replace(client.clientId(), client) != null;
        }

        @Override
        public boolean remove(String clientId) {
            return clients.remove(clientId) != null;
        }

        @Override
        public long countDynamic() {
            return clients.values().stream().filter(client -> client.registrationAccessTokenHash() != null).count();
        }
    }

    public static final class InMemoryRefreshTokens implements RefreshTokens {
        public final Map<SecretHash, RefreshToken> tokens = new HashMap<>();

        @Override
        public void add(RefreshToken token) {
            tokens.put(token.hash(), token);
        }

        @Override
        public Optional<RefreshToken> find(SecretHash hash) {
            return Optional.ofNullable(tokens.get(hash));
        }

        /** Marks the token rotated once; a second rotation of the same token fails, as the JDBC store's does. */
        @Override
        public boolean rotate(SecretHash hash, Instant at) {
            RefreshToken token = tokens.get(hash);
            if (token == null || token.rotatedAt() != null || token.revokedAt() != null) {
                return false;
            }
            tokens.put(hash, ended(token, at, null));
            return true;
        }

        @Override
        public void revokeFamily(String familyId, Instant at) {
            tokens.replaceAll((hash, token) -> token.familyId().equals(familyId) && token.revokedAt() == null
                    ? ended(token, token.rotatedAt(), at) : token);
        }

        private static RefreshToken ended(RefreshToken token, Instant rotatedAt, Instant revokedAt) {
            return new RefreshToken(token.hash(), token.familyId(), token.clientId(), token.userId(), token.scopes(),
                    token.resources(), token.issuedAt(), token.expiresAt(), rotatedAt, revokedAt);
        }
    }

    /** Codes are single-use: the first redemption takes the code, a second one reports a replay of its family. */
    public static final class InMemoryAuthorizationCodes implements AuthorizationCodes {
        private final Map<SecretHash, AuthorizationCode> live = new HashMap<>();
        private final Map<SecretHash, String> used = new HashMap<>();

        @Override
        public void add(AuthorizationCode code) {
            live.put(code.codeHash(), code);
        }

        @Override
        public CodeRedemption redeem(SecretHash codeHash) {
            AuthorizationCode code = live.remove(codeHash);
            if (code != null) {
                used.put(codeHash, code.familyId());
                return new CodeRedemption.Redeemed(code);
            }
            String family = used.get(codeHash);
            return family != null ? new CodeRedemption.Replayed(family) : new CodeRedemption.Unknown();
        }
    }

    /** A consent covers a request when it granted every requested scope to that client. */
    public static final class InMemoryConsents implements Consents {
        public final Map<String, Scopes> granted = new HashMap<>();

        @Override
        public boolean covers(UserId user, String clientId, Scopes requested) {
            Scopes scopes = granted.get(user + " " + clientId);
            return scopes != null && scopes.values().containsAll(requested.values());
        }

        @Override
        public void grant(UserId user, String clientId, Scopes scopes) {
            granted.put(user + " " + clientId, scopes);
        }

        @Override
        public List<Consent> of(UserId user) {
            return granted.entrySet().stream().filter(entry -> entry.getKey().startsWith(user + " "))
                    .map(entry -> new Consent(entry.getKey().substring(user.toString().length() + 1), entry.getValue(),
                            Instant.EPOCH))
                    .toList();
        }

        @Override
        public boolean withdraw(UserId user, String clientId) {
            return granted.remove(user + " " + clientId) != null;
        }
    }

    /** A pending request is answered once: {@link #take} removes it. */
    public static final class InMemoryPendingAuthorizations implements PendingAuthorizations {
        private final Map<String, PendingAuthorization> pending = new HashMap<>();

        @Override
        public void add(PendingAuthorization authorization) {
            pending.put(authorization.id(), authorization);
        }

        @Override
        public Optional<PendingAuthorization> take(String id) {
            return Optional.ofNullable(pending.remove(id));
        }

        @Override
        public Optional<PendingAuthorization> find(String id) {
            return Optional.ofNullable(pending.get(id));
        }
    }

    /** Device authorizations by device-code hash; redeeming takes an approved one once. */
    public static final class InMemoryDeviceAuthorizations implements DeviceAuthorizations {
        private final Map<SecretHash, DeviceAuthorization> devices = new HashMap<>();

        @Override
        public void add(DeviceAuthorization authorization) {
            devices.put(authorization.deviceCodeHash(), authorization);
        }

        @Override
        public Optional<DeviceAuthorization> byDeviceCode(SecretHash deviceCodeHash) {
            return Optional.ofNullable(devices.get(deviceCodeHash));
        }

        @Override
        public Optional<DeviceAuthorization> byUserCode(String userCode) {
            return devices.values().stream().filter(device -> device.userCode().equals(userCode)).findFirst();
        }

        @Override
        public void update(DeviceAuthorization authorization) {
            devices.replace(authorization.deviceCodeHash(), authorization);
        }

        @Override
        public boolean redeem(SecretHash deviceCodeHash) {
            DeviceAuthorization device = devices.get(deviceCodeHash);
            if (device == null || device.status() != DeviceAuthorization.Status.APPROVED) {
                return false;
            }
            devices.put(deviceCodeHash, new DeviceAuthorization(device.deviceCodeHash(), device.userCode(),
                    device.clientId(), device.scopes(), device.resources(), DeviceAuthorization.Status.REDEEMED,
                    device.approvedBy(), device.expiresAt(), device.interval(), device.lastPolledAt()));
            return true;
        }
    }
}
