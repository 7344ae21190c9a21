package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.application.account.port.in.ListedSession;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/** A user's browser sessions for an administrator; revoking one takes effect at once. Audited. */
public interface AdministerSessionsUseCase {

    Outcome<List<ListedSession>> sessions(Principal caller, String userId);

    Outcome<String> revokeSession(Principal caller, String userId, String sessionId);
}
