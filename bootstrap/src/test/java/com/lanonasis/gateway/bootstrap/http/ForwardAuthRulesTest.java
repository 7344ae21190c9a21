package com.lanonasis.gateway.bootstrap.http;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ForwardAuth rule with a mistake stops the start, naming the rule, instead of failing requests later. */
class ForwardAuthRulesTest {

    @Test
    void aMalformedRuleStopsTheStart() {
        assertStartFails(Map.of("name", "broken", "scopes", List.of("has\"quote")),
                "onasis.forward-auth.rules: rule broken: scopes is invalid");
        assertStartFails(Map.of("name", "who", "users", List.of("not-a-user-id")),
                "onasis.forward-auth.rules: rule who: user_id is invalid");
        assertStartFails(Map.of("name", "mail", "emails", List.of("nobody")),
                "onasis.forward-auth.rules: rule mail: email is invalid");
        assertStartFails(Map.of("name", "aud", "audience", "relative/path"),
                "onasis.forward-auth.rules: rule aud: aud is invalid");
        assertStartFails(Map.of("scopes", List.of("memories:read")),
                "onasis.forward-auth.rules: every rule needs a name");
    }

    /** The rule as the YAML loader hands it over: a list of maps. */
    private static void assertStartFails(Map<String, Object> rule, String expected) {
        PropertySource rules = PropertySource.of("bad-rule", Map.of("onasis.forward-auth.rules", List.of(rule)), 1000);
        Throwable failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.builder().environments("test")
                    .propertySources(rules).start()) {
                context.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
            }
        });
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        assertTrue(chain.toString().contains(expected), "expected \"" + expected + "\" in:\n" + chain);
    }
}
