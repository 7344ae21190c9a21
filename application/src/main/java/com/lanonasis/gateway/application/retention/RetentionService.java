package com.lanonasis.gateway.application.retention;

import com.lanonasis.gateway.application.retention.port.in.PurgeExpiredUseCase;
import com.lanonasis.gateway.domain.retention.RetentionRule;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention purge: for each rule, deletes in batches (each batch one short statement, so no
 * long transaction holds locks) until a batch comes back short or {@code maxBatchesPerPass} is
 * reached; the next pass continues. Several instances may run it at once: the deletes are
 * idempotent, so they share the work instead of repeating it, and nothing needs a lock.
 */
public final class RetentionService implements PurgeExpiredUseCase {

    private static final System.Logger LOG = System.getLogger(RetentionService.class.getName());

    private final List<RetentionRule> rules;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatchesPerPass;

    public RetentionService(List<RetentionRule> rules, Clock clock, int batchSize, int maxBatchesPerPass) {
        if (batchSize < 1 || maxBatchesPerPass < 1) {
            throw new IllegalArgumentException("batch size and batches per pass must be positive");
        }
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatchesPerPass = maxBatchesPerPass;
    }

    @Override
    public Map<String, Integer> purge() {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (RetentionRule rule : rules) {
            Instant cutoff = clock.instant().minus(rule.keep());
            int total = 0;
            try {
                for (int batch = 0; batch < maxBatchesPerPass; batch++) {
                    int count = rule.target().purgeBefore(cutoff, batchSize);
                    total += count;
                    if (count < batchSize) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // one store failing (an outage) does not stop the others; the next pass retries
                LOG.log(System.Logger.Level.WARNING, "retention purge of " + rule.target().name() + " failed: " + e);
            }
            deleted.put(rule.target().name(), total);
        }
        if (deleted.values().stream().anyMatch(count -> count > 0)) {
            LOG.log(System.Logger.Level.INFO, "retention purge deleted " + deleted);
        }
        return deleted;
    }
}
