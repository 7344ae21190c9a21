package com.lanonasis.gateway.domain.codes.port.out;

import com.lanonasis.gateway.domain.codes.PendingAuthorization;
import java.util.Optional;

/** Outgoing port: authorization requests between the consent page and the user's answer. */
public interface PendingAuthorizations {

    void add(PendingAuthorization pending);

    /** Removes and returns it: an answer can be given once. */
    Optional<PendingAuthorization> take(String id);

    Optional<PendingAuthorization> find(String id);
}
