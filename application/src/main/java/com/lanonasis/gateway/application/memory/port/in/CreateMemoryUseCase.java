package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface CreateMemoryUseCase {

    Outcome<CreatedMemory> create(Principal caller, MemoryDraft draft);
}
