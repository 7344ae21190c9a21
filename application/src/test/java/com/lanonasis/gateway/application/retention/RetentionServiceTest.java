package com.lanonasis.gateway.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.domain.retention.port.out.Purgeable;
import com.lanonasis.gateway.domain.retention.RetentionRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionServiceTest {

    private final Instant now = Instant.parse("2026-12-02T00:00:00Z");

    /** Holds {@code rows} old rows; records the cutoffs it was asked about. */
    private static final class Table implements Purgeable {
        final String name;
        int rows;
        final List<Instant> cutoffs = new ArrayList<>();

        Table(String name, int rows) {
            this.name = name;
            this.rows = rows;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int purgeBefore(Instant cutoff, int batch) {
            cutoffs.add(cutoff);
            int deleted = Math.min(rows, batch);
            rows -= deleted;
            return deleted;
        }
    }

    @Test
    void deletesInBatchesUntilAShortOneUpToTheLimitPerPassWithEachRulesCutoff() {
        Table tokens = new Table("tokens", 5);
        Table audit = new Table("audit", 25);
        RetentionService service = new RetentionService(List.of(new RetentionRule(tokens, Duration.ZERO),
                new RetentionRule(audit, Duration.ofDays(90))), Clock.fixed(now, ZoneOffset.UTC), 2, 10);

        assertEquals(Map.of("tokens", 5, "audit", 20), service.purge());
        assertEquals(3, tokens.cutoffs.size(), "2 + 2 + 1: the short batch ends it");
        assertEquals(now, tokens.cutoffs.get(0));
        assertEquals(now.minus(Duration.ofDays(90)), audit.cutoffs.get(0));
        assertEquals(5, audit.rows, "ten batches per pass at most; the next pass continues");
        assertEquals(Map.of("tokens", 0, "audit", 5), service.purge());
    }

    @Test
    void oneFailingStoreDoesNotStopTheOthers() {
        Purgeable broken = new Purgeable() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public int purgeBefore(Instant cutoff, int batch) {
                throw new IllegalStateException("database unavailable");
            }
        };
        Table audit = new Table("audit", 3);
        RetentionService service = new RetentionService(List.of(new RetentionRule(broken, Duration.ZERO),
                new RetentionRule(audit, Duration.ofDays(1))), Clock.fixed(now, ZoneOffset.UTC), 1000, 10);

        assertEquals(Map.of("broken", 0, "audit", 3), service.purge());
    }
}
