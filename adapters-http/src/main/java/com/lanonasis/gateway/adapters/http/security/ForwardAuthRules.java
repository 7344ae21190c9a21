package com.lanonasis.gateway.adapters.http.security;

import com.lanonasis.gateway.domain.shared.InvalidValue;
import io.micronaut.context.annotation.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured ForwardAuth rules by name. Built at start-up, so a rule with a typo stops the
 * deployment instead of failing requests later.
 */
@Context
final class ForwardAuthRules {

    private final Map<String, AccessRequirement> byName = new HashMap<>();

    ForwardAuthRules(List<ForwardAuthRule> rules) {
        for (ForwardAuthRule rule : rules) {
            String name = rule.getName();
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("onasis.forward-auth.rules: every rule needs a name");
            }
            try {
                AccessRequirement requirement = AccessRequirement.of(rule.getScopes(), rule.getUsers(),
                        rule.getEmails(), rule.getAudience());
                if (byName.putIfAbsent(name, requirement) != null) {
                    throw new IllegalStateException("onasis.forward-auth.rules: two rules are named " + name);
                }
            } catch (InvalidValue e) {
                throw new IllegalStateException("onasis.forward-auth.rules: rule " + name + ": " + e.field() + " is "
                        + "invalid: " + e.getMessage(), e);
            }
        }
    }

    Optional<AccessRequirement> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
