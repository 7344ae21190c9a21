package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryId;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface DeleteMemoryUseCase {

    Outcome<MemoryId> delete(Principal caller, String id);
}
