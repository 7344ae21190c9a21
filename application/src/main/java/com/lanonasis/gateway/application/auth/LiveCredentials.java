package com.lanonasis.gateway.application.auth;

import com.lanonasis.gateway.application.auth.port.in.AuthenticateUseCase;
import com.lanonasis.gateway.application.auth.port.in.Authentication;
import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.auth.port.in.ProtectedResource;
import com.lanonasis.gateway.application.auth.port.in.WatchCredentialUseCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The credentials of open connections, checked again by {@link #recheck()} (the scheduler calls it
 * on a short period): each distinct credential once per period, however many connections share it,
 * so a period costs one credential lookup per credential and nothing per heartbeat.
 */
public final class LiveCredentials implements WatchCredentialUseCase {

    private static final System.Logger LOG = System.getLogger(LiveCredentials.class.getName());

    private final AuthenticateUseCase authenticate;
    private final Map<Long, Entry> watched = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public LiveCredentials(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    private record Entry(long id, Credential credential, ProtectedResource resource,
                         Consumer<Authentication.CredentialProblem> onLost, AtomicBoolean done) {
    }

    private record Key(String credential, ProtectedResource resource) {
    }

    @Override
    public Watch watch(Credential credential, ProtectedResource resource,
                       Consumer<Authentication.CredentialProblem> onLost) {
        long id = ids.incrementAndGet();
        Entry entry = new Entry(id, credential, resource, onLost, new AtomicBoolean());
        watched.put(id, entry);
        return () -> {
            entry.done().set(true);
            watched.remove(id);
        };
    }

    /** Checks every watched credential once; connections whose credential failed are told why. */
    public void recheck() {
        Map<Key, List<Entry>> byCredential = new HashMap<>();
        for (Entry entry : watched.values()) {
            byCredential.computeIfAbsent(new Key(entry.credential().reveal(), entry.resource()),
                    key -> new ArrayList<>()).add(entry);
        }
        byCredential.forEach((key, entries) -> {
            Authentication result;
            try {
                result = authenticate.authenticate(entries.get(0).credential(), key.resource());
            } catch (RuntimeException e) {
                // a store outage is not a revocation: keep the connections, check again next period
                LOG.log(System.Logger.Level.DEBUG, "credential re-check failed; retried next period", e);
                return;
            }
            if (result instanceof Authentication.Unauthenticated refused) {
                entries.forEach(entry -> lost(entry, refused.problem()));
            }
        });
    }

    /** How many connections are watched (for metrics and tests). */
    public int size() {
        return watched.size();
    }

    private void lost(Entry entry, Authentication.CredentialProblem problem) {
        watched.remove(entry.id());
        if (entry.done().compareAndSet(false, true)) {
            try {
                entry.onLost().accept(problem);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing a connection whose credential was revoked failed", e);
            }
        }
    }
}
