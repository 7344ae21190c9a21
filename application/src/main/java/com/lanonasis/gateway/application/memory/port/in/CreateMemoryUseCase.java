package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryEntry;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface CreateMemoryUseCase {

    Outcome<MemoryEntry> create(Principal caller, MemoryDraft draft);
}
