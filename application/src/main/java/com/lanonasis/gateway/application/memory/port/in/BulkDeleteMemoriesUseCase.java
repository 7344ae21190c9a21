package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

public interface BulkDeleteMemoriesUseCase {

    /** The most ids one request may name; more is refused as a whole. */
    int MAX_IDS = 100;

    Outcome<BulkDeletion> deleteAll(Principal caller, List<String> ids);
}
