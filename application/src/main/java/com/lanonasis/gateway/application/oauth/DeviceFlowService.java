package com.lanonasis.gateway.application.oauth;

import com.lanonasis.gateway.domain.audit.port.out.AuditLog;
import com.lanonasis.gateway.domain.shared.port.out.SecretGenerator;
import java.time.Clock;
import com.lanonasis.gateway.application.oauth.port.in.ClientAuthentication;
import com.lanonasis.gateway.application.oauth.port.in.DeviceFlowUseCase;
import com.lanonasis.gateway.application.oauth.port.in.DeviceStart;
import com.lanonasis.gateway.application.oauth.port.in.OAuthError;
import com.lanonasis.gateway.application.oauth.port.in.OAuthResult;
import com.lanonasis.gateway.domain.audit.AuditEvent;
import com.lanonasis.gateway.domain.clients.port.out.Clients;
import com.lanonasis.gateway.domain.clients.GrantType;
import com.lanonasis.gateway.domain.clients.OAuthClient;
import com.lanonasis.gateway.domain.codes.DeviceAuthorization;
import com.lanonasis.gateway.domain.codes.port.out.DeviceAuthorizations;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.MachineSecret;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.application.port.out.RateLimiter;
import com.lanonasis.gateway.domain.shared.Rejection;
import com.lanonasis.gateway.domain.shared.Scopes;
import com.lanonasis.gateway.domain.shared.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** RFC 8628 device authorization: the device gets two codes; a signed-in user approves the short one. */
public final class DeviceFlowService implements DeviceFlowUseCase {

    /** RFC 8628 §6.1: consonants only, no look-alikes, so codes are easy to type and spell no words. */
    /** RFC 8628 §6.1: 20 consonants, 8 characters: about 34.5 bits, guessed at most a few times per user. */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    /** Wrong user codes a signed-in user may enter before the page refuses lookups for the window. */
    static final int GUESSES_PER_USER = 10;
    /** Wrong user codes from one address (many accounts) before the same. */
    static final int GUESSES_PER_ADDRESS = 30;
    static final Duration GUESS_WINDOW = Duration.ofMinutes(15);
    private static final int DEVICE_CODE_LENGTH = 43;

    private final ClientVerifier verifier;
    private final Clients clients;
    private final DeviceAuthorizations devices;
    private final Resources resources;
    private final AuditLog audit;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final OAuthSettings settings;
    private final SecureRandom random = new SecureRandom();

    private final Scopes dynamicClientScopes;
    private final RateLimiter rateLimiter;

    /**
     * @param dynamicClientScopes what a dynamically registered client may ask for (see {@link OAuthClient#mayAskFor})
     * @param rateLimiter         counts wrong user codes (per user and per address)
     */
    public DeviceFlowService(ClientVerifier verifier, Clients clients, Resources resources,
                             DeviceAuthorizations devices, AuditLog audit, SecretGenerator secrets, Clock clock,
                             OAuthSettings settings, Scopes dynamicClientScopes, RateLimiter rateLimiter) {
        this.dynamicClientScopes = dynamicClientScopes;
        this.rateLimiter = rateLimiter;
        this.verifier = verifier;
        this.clients = clients;
        this.resources = resources;
        this.devices = devices;
        this.audit = audit;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public OAuthResult<DeviceStart> start(ClientAuthentication presented, String scope, List<String> resources) {
        Optional<OAuthClient> found = verifier.verify(presented);
        if (found.isEmpty()) {
            return OAuthResult.err(OAuthError.invalidClient());
        }
        OAuthClient client = found.get();
        if (!client.allows(GrantType.DEVICE_CODE)) {
            return OAuthResult.err(OAuthError.unauthorizedClient("this client may not use the device flow"));
        }
        Scopes scopes;
        try {
            scopes = scope == null || scope.isBlank() ? client.scopes() : Scopes.parseSpaceDelimited(scope);
        } catch (InvalidValue e) {
            return OAuthResult.err(OAuthError.invalidScope("scope is malformed"));
        }
        if (!client.mayAskFor(scopes, dynamicClientScopes)) {
            return OAuthResult.err(OAuthError.invalidScope("scope exceeds what this client may ask for"));
        }
        Optional<OAuthError> badResource = this.resources.checkKnown(resources);
        if (badResource.isPresent()) {
            return OAuthResult.err(badResource.get());
        }
        MachineSecret deviceCode = new MachineSecret(secrets.alphanumeric(DEVICE_CODE_LENGTH));
        String userCode = newUserCode();
        devices.add(new DeviceAuthorization(deviceCode.hash(), userCode, client.clientId(), scopes, resources,
                DeviceAuthorization.Status.PENDING, null,
                clock.instant().plus(settings.deviceCodeLifetime()), settings.deviceInterval(), null));
        return OAuthResult.ok(new DeviceStart(deviceCode.reveal(), userCode, settings.deviceCodeLifetime().toSeconds(),
                settings.deviceInterval().toSeconds()));
    }

    @Override
    public Outcome<PendingDevice> find(UserId user, String address, String userCode) {
        List<String> keys = List.of("device-guess:user:" + user, "device-guess:ip:" + address);
        List<Integer> limits = List.of(GUESSES_PER_USER, GUESSES_PER_ADDRESS);
        for (int i = 0; i < keys.size(); i++) {
            RateLimiter.Count count = rateLimiter.peek(keys.get(i), limits.get(i), GUESS_WINDOW);
            if (count.calls() >= limits.get(i)) {
                return Outcome.rejected(new Rejection.RateLimited(count.resetIn()));
            }
        }
        Instant now = clock.instant();
        Optional<PendingDevice> found = devices.byUserCode(normalize(userCode))
                .filter(device -> device.status() == DeviceAuthorization.Status.PENDING && !device.expiredAt(now))
                .flatMap(device -> clients.find(device.clientId()).map(client -> new PendingDevice(device, client)));
        if (found.isEmpty()) {
            for (int i = 0; i < keys.size(); i++) {
                rateLimiter.acquire(keys.get(i), limits.get(i), GUESS_WINDOW);
            }
            return Outcome.notFound("device code");
        }
        return Outcome.done(found.get());
    }

    @Override
    public Outcome<String> decide(UserId user, String address, String userCode, boolean approved) {
        Outcome<PendingDevice> pending = find(user, address, userCode);
        if (pending instanceof Outcome.Rejected<PendingDevice> rejected) {
            return Outcome.rejected(rejected.rejection());
        }
        if (!(pending instanceof Outcome.Done<PendingDevice> done)) {
            return Outcome.notFound("device code");
        }
        DeviceAuthorization device = done.value().authorization();
        devices.update(device.decided(approved, user));
        audit.record(new AuditEvent(approved ? AuditEvent.Type.DEVICE_APPROVED
                : AuditEvent.Type.DEVICE_DENIED, clock.instant(), user.toString(), device.clientId(),
                Map.of("scope", device.scopes().spaceDelimited())));
        return Outcome.done(device.clientId());
    }

    /** Users type codes loosely: any case, with or without the dash or spaces. */
    static String normalize(String userCode) {
        if (userCode == null) {
            return "";
        }
        String letters = userCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.length() == 8 ? letters.substring(0, 4) + "-" + letters.substring(4) : letters;
    }

    private String newUserCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
