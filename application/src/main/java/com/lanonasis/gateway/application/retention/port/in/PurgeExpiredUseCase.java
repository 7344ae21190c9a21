package com.lanonasis.gateway.application.retention.port.in;

import java.util.Map;

/** Deletes what is past its retention; the scheduler runs it on an interval. */
public interface PurgeExpiredUseCase {

    /** One pass over every rule: records deleted per target name. */
    Map<String, Integer> purge();
}
