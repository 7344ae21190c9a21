package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import com.lanonasis.gateway.domain.tokens.Grant;
import java.util.List;

/** A user's live OAuth grants (token families) for an administrator; revocation takes effect at once. */
public interface AdministerGrantsUseCase {

    Outcome<List<Grant>> grants(Principal caller, String userId);

    Outcome<String> revoke(Principal caller, String userId, String familyId);

    /** Revokes every OAuth token of the user; the number of grants revoked. */
    Outcome<Integer> revokeAll(Principal caller, String userId);
}
