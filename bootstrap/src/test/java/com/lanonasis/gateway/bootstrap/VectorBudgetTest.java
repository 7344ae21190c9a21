package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The vector cache's default budget follows the heap, so the README's -Xmx96m cannot be outgrown by it. */
class VectorBudgetTest {

    private static final long MB = 1024 * 1024;

    @Test
    void autoTakesAThirdOfTheHeap() {
        long budget = SearchFactory.vectorBudget("auto", 128 * MB);
        assertTrue(budget > 20_000 && budget < 30_000, "with -Xmx128m: " + budget);
        long readme = SearchFactory.vectorBudget("auto", 96 * MB);
        assertTrue(readme > 15_000 && readme < 20_000, "with the README's -Xmx96m (about 18 000): " + readme);
        assertTrue(SearchFactory.vectorBudget("", 1024 * MB) > 190_000);
        assertEquals(1_000, SearchFactory.vectorBudget("auto", 1 * MB), "never below a small floor");
    }

    @Test
    void aNumberIsTakenAsGiven() {
        assertEquals(200_000, SearchFactory.vectorBudget(" 200000 ", 128 * MB));
        assertEquals(0, SearchFactory.vectorBudget("0", 128 * MB));
    }

    @Test
    void anythingElseStopsStartUpWithOneLineNamingTheVariable() {
        for (String bad : new String[] {"-1", "lots", "1.5"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SearchFactory.vectorBudget(bad, 128 * MB));
            assertTrue(refused.getMessage().startsWith("ONASIS_SEARCH_CACHE_VECTORS"), refused.getMessage());
        }
    }
}
