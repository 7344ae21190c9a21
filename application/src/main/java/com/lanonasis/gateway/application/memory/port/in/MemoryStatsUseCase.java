package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryStats;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;

public interface MemoryStatsUseCase {

    Outcome<MemoryStats> stats(Principal caller);
}
