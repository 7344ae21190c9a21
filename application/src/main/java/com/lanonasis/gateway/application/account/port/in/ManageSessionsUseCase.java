package com.lanonasis.gateway.application.account.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/** The signed-in person's own browser sessions; signing one out takes effect at once. */
public interface ManageSessionsUseCase {

    Outcome<List<ListedSession>> sessions(Principal caller);

    /** Ends one of the caller's sessions by its public id; another person's or an unknown id is {@code NotFound}. */
    Outcome<String> signOut(Principal caller, String sessionId);

    /** Ends every session of the caller but the one making the request; how many ended. */
    Outcome<Integer> signOutOthers(Principal caller);
}
