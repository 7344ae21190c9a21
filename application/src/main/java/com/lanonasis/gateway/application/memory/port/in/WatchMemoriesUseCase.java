package com.lanonasis.gateway.application.memory.port.in;

import com.lanonasis.gateway.domain.memory.MemoryEvent;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.function.Consumer;

public interface WatchMemoriesUseCase {

    /**
     * The caller's own memory events, live, after those since {@code lastEventId} that are still
     * kept; {@code Forbidden} without {@code memories:read}. Close the watch to stop.
     */
    Outcome<Watch> watch(Principal caller, String lastEventId, Consumer<MemoryEvent> listener);

    /** A running subscription. */
    interface Watch {
        void stop();
    }
}
