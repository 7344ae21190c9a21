package com.lanonasis.gateway.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule, run over the deliberately broken fixtures, must fail and must name the class that
 * breaks it: no rule passes because it matched nothing or for the wrong reason.
 */
class RulesCanFailTest {

    private static final String ROOT = "com.lanonasis.fixtures.violating";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(ROOT);

    @ParameterizedTest(name = "{0} catches {1}")
    @CsvSource({
        "Onion architecture,                      domain.memory.KnowsItsAdapter",
        "Onion architecture,                      adapters.http.SneakyController",
        "annotated with @Factory,                 adapters.http.WiringOutsideBootstrap",
        "bootstrap is the outermost ring,         adapters.http.WiringOutsideBootstrap",
        "plain Java,                              domain.memory.FrameworkEntry",
        "arrive through constructors,             adapters.http.SneakyController.service",
        "free of cycles,                          domain.a.First",
        "Principal must only be created,          adapters.http.SneakyController",
        "only the ..security.. packages,          adapters.http.SneakyController.impersonate",
        "toString(),                              domain.shared.LeakySecret does not redact",
        "through their incoming ports,            application.memory.MemoryService",
        "skip the use case,                       domain.memory.port.out.Archive",
        "not found by a heuristic,                domain.memory.Store",
        "admin use cases are reached only,        adapters.http.memory.AdminBackdoorController",
        "share only adapters.mcp.security,        adapters.mcp.upstream.ReachingProxy",
        "composition root beside bootstrap,       application.memory.UsesTheEmbeddedCore",
        "plain Java,                              embedded.FrameworkWiring",
        "Onion architecture,                      adapters.mcp.transport.ReachesIntoHttp",
        "depends on no other adapter package,     adapters.http.shared.LeakyEdge",
        "for the inbound adapters,                adapters.persistence.UsesSharedEdge"
    })
    void ruleFailsOnItsViolation(String ruleDescriptionPart, String offender) {
        ArchRule rule = ArchitectureTest.ruleNamed(ROOT, ruleDescriptionPart.strip());

        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(BROKEN));

        assertTrue(failure.getMessage().contains(ROOT + "." + offender.strip()),
                () -> "rule failed, but not for " + offender + ":\n" + failure.getMessage());
    }

    /** The onion rule's one exception is exactly the shared edge: adapters-mcp using it is not reported. */
    @org.junit.jupiter.api.Test
    void adaptersMcpMayUseTheSharedEdge() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ArchitectureTest.ruleNamed(ROOT, "Onion architecture").check(BROKEN));

        assertTrue(failure.getMessage().contains(ROOT + ".adapters.mcp.transport.ReachesIntoHttp"), failure::getMessage);
        assertFalse(failure.getMessage().contains(ROOT + ".adapters.mcp.transport.UsesEdge"), failure::getMessage);
    }

    @org.junit.jupiter.api.Test
    void everyRuleIsExercisedByAFixture() {
        assertEquals(17, GatewayRules.all(ROOT).size(), "add a fixture row above for every new rule");
        for (ArchRule rule : GatewayRules.all(ROOT)) {
            assertThrows(AssertionError.class, () -> rule.check(BROKEN), rule.getDescription());
        }
    }
}
