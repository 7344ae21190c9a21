package com.lanonasis.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every rule of {@link GatewayRules} over every production class of the gateway. */
class ArchitectureTest {

    static final String ROOT = "com.lanonasis.gateway";

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @TestFactory
    Stream<DynamicTest> productionCodeFollowsEveryRule() {
        return GatewayRules.all(ROOT).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
    }

    static ArchRule ruleNamed(String root, String part) {
        return GatewayRules.all(root).stream().filter(rule -> rule.getDescription().contains(part)).findFirst()
                .orElseThrow();
    }
}
