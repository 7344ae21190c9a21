package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

public interface ListMemoriesUseCase {

    Outcome<MemoryPage> list(Principal caller, ListRequest request);
}
