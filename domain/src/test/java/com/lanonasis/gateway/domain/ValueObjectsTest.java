package com.lanonasis.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.memory.Content;
import com.lanonasis.gateway.domain.memory.MemoryPage;
import com.lanonasis.gateway.domain.memory.MemoryQuery;
import com.lanonasis.gateway.domain.memory.MemorySort;
import com.lanonasis.gateway.domain.memory.MemoryType;
import com.lanonasis.gateway.domain.memory.SortOrder;
import com.lanonasis.gateway.domain.memory.Tags;
import com.lanonasis.gateway.domain.memory.TextSearch;
import com.lanonasis.gateway.domain.memory.Title;
import com.lanonasis.gateway.domain.shared.InvalidValue;
import com.lanonasis.gateway.domain.shared.Violations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

    @Test
    void emailIsTrimmedAndLowerCasedAndMustLookLikeOne() {
        assertEquals("ada@example.com", new Email("  Ada@Example.COM ").value());
        for (String bad : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "a b@example.com",
                "x".repeat(250) + "@example.com"}) {
            InvalidValue invalid = assertThrows(InvalidValue.class, () -> new Email(bad), bad);
            assertEquals("email", invalid.field());
        }
    }

    @Test
    void chosenPasswordsMustBeStrongEnough() {
        Email owner = new Email("ada@example.com");
        assertEquals("correct horse", Password.chosen("correct horse", owner).reveal());
        assertThrows(InvalidValue.class, () -> Password.chosen("short1", owner));
        assertThrows(InvalidValue.class, () -> Password.chosen("aaaaaaaaaaaa", owner), "too few distinct characters");
        assertThrows(InvalidValue.class, () -> Password.chosen("ADA@example.com", owner), "the email itself");
        assertThrows(InvalidValue.class, () -> Password.presented("x".repeat(Password.MAX_LENGTH + 1)));
        assertEquals("a", Password.presented("a").reveal(), "any presented password can be checked");
    }

    @Test
    void memoryFieldLimits() {
        assertEquals("t", new Title("  t ").value());
        assertThrows(InvalidValue.class, () -> new Title(" "));
        new Title("t".repeat(200));
        assertThrows(InvalidValue.class, () -> new Title("t".repeat(201)));
        new Content("c".repeat(50_000));
        assertThrows(InvalidValue.class, () -> new Content("c".repeat(50_001)));
        assertEquals(3, new Content("é!").sizeInBytes());
    }

    @Test
    void tagsAreTrimmedDedupedAndBounded() {
        assertEquals(List.of("Ops", "deploy"), Tags.of(List.of(" Ops ", "deploy", "ops", "OPS")).values());
        Tags.of(IntStream.range(0, 10).mapToObj(i -> "t" + i).toList());
        assertThrows(InvalidValue.class, () -> Tags.of(IntStream.range(0, 11).mapToObj(i -> "t" + i).toList()));
        assertThrows(InvalidValue.class, () -> Tags.of(List.of("x".repeat(51))));
        assertThrows(InvalidValue.class, () -> Tags.of(List.of(" ")));
        assertThrows(InvalidValue.class, () -> Tags.of(List.of("a\u0001b")), "control characters");
        assertEquals(List.of(), Tags.of(null).values());
    }

    @Test
    void enumsParseOnlyTheirWireNames() {
        assertEquals(MemoryType.WORKFLOW, MemoryType.parse("type", "workflow"));
        assertThrows(InvalidValue.class, () -> MemoryType.parse("type", "WORKFLOW"));
        assertEquals(MemorySort.LAST_ACCESSED, MemorySort.parse("last_accessed"));
        assertThrows(InvalidValue.class, () -> MemorySort.parse("size"));
        assertEquals(SortOrder.ASC, SortOrder.parse("asc"));
        assertThrows(InvalidValue.class, () -> SortOrder.parse("up"));
    }

    @Test
    void queryAndPageArithmetic() {
        assertThrows(InvalidValue.class, () -> new MemoryQuery(Optional.empty(), Tags.NONE, MemorySort.TITLE,
                SortOrder.ASC, 101, 0));
        assertThrows(InvalidValue.class, () -> new MemoryQuery(Optional.empty(), Tags.NONE, MemorySort.TITLE,
                SortOrder.ASC, 10, -1));
        MemoryPage page = new MemoryPage(List.of(), 41, 20, 40);
        assertEquals(3, page.page());
        assertEquals(3, page.pages());
        assertEquals(0, new MemoryPage(List.of(), 0, 20, 0).pages());
    }

    @Test
    void textSearchTermsAndBounds() {
        TextSearch search = new TextSearch("Deploy, deploy the K8S-cluster!", Set.of(), Tags.NONE, 10, 0.5);
        assertEquals(List.of("deploy", "the", "k8s-cluster"), search.terms());
        assertEquals(TextSearch.MAX_TERMS, new TextSearch(String.join(" ", IntStream.range(0, 100)
                        .mapToObj(i -> "w" + i).toList()),
                Set.of(), Tags.NONE, 10, 0).terms().size());
        assertThrows(InvalidValue.class, () -> new TextSearch("q", Set.of(), Tags.NONE, 10, 1.5));
        assertThrows(InvalidValue.class, () -> new TextSearch("q", Set.of(), Tags.NONE, 0, 0));
        assertThrows(InvalidValue.class, () -> new TextSearch(" ", Set.of(), Tags.NONE, 10, 0));
    }

    @Test
    void violationsCollectEveryError() {
        Violations violations = new Violations();
        assertEquals(null, violations.check(() -> new Title("")));
        assertEquals("ok", violations.check(() -> new Title("ok")).value());
        violations.add("x", "bad x");
        assertTrue(violations.any());
        assertFalse(new Violations().any());
    }
}
