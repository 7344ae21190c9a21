package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface UpdateMemoryUseCase {

    Outcome<MemoryEntry> update(Principal caller, String id, MemoryEdit edit);
}
