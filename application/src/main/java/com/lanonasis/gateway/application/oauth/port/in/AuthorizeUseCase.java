package com.lanonasis.gateway.application.oauth.port.in;

import com.lanonasis.gateway.domain.shared.UserId;
import java.util.Optional;

public interface AuthorizeUseCase {

    /** Validates the request and, with a signed-in user who already consented, issues the code. */
    AuthorizationAnswer authorize(AuthorizationRequest request, Optional<UserId> signedIn);

    /** The user's answer on the consent page. */
    AuthorizationAnswer answerConsent(UserId user, String pendingId, boolean approved);
}
