package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

public interface BulkDeleteMemoriesUseCase {

    Outcome<BulkDeletion> deleteAll(Principal caller, List<String> ids);
}
