package com.lanonasis.gateway.bootstrap.edge;

import com.lanonasis.gateway.adapters.http.edge.RateLimitRule;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import java.util.List;
import java.util.Map;

/**
 * The service's own rate limits, {@code onasis.edge.rate-limits.rules}, read the way the service reads
 * them: Micronaut's configuration of application.yml, each rule parsed by {@link RateLimitRule#of} as
 * the rate-limit filter does. Environment variables are left out, so every {@code ${ENV:default}} is its
 * default and the generated proxy config does not depend on the shell it was made in.
 */
public final class ServiceRateLimits {

    private ServiceRateLimits() {
    }

    public static List<RateLimitRule> rules() {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environmentPropertySource(false).build();
        Environment environment = context.getEnvironment();
        environment.start();
        try {
            List<Map<String, Object>> rules = environment.getProperty("onasis.edge.rate-limits.rules",
                    Argument.listOf(Argument.mapOf(String.class, Object.class))).orElse(List.of());
            return rules.stream().map(RateLimitRule::of).toList();
        } finally {
            environment.stop();
        }
    }
}
