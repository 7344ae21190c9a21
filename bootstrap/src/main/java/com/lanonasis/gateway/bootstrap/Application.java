package com.lanonasis.gateway.bootstrap;

import com.lanonasis.gateway.adapters.persistence.jdbc.DatabaseUnavailable;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.util.Optional;

public final class Application extends Micronaut {

    private Application() {
    }

    /**
     * Set to {@code true}, the service stops again as soon as it is ready (exit code 0): the build's
     * class-data-sharing training run (bootstrap/pom.xml, docs/performance.md "Start-up").
     */
    static final String EXIT_AFTER_READY = "ONASIS_EXIT_AFTER_READY";

    public static void main(String[] args) {
        Application application = new Application();
        application.args(args).mainClass(Application.class).banner(false);
        ApplicationContext context = application.start();
        if ("true".equals(System.getenv(EXIT_AFTER_READY))) {
            context.close();
            System.exit(0);
        }
    }

    /**
     * A start-up failure an operator can fix from its message alone (a bad storage URL, an
     * unreachable database) ends with that message and exit code 1, not a stack trace.
     */
    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        Optional<String> reason = configurationProblem(failure);
        if (reason.isEmpty()) {
            super.handleStartupException(environment, failure);
            return;
        }
        System.err.println("onasis-gateway cannot start: " + reason.get());
        System.exit(1);
    }

    static Optional<String> configurationProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailable || cause instanceof StoreUnavailable
                    || cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && cause.getMessage().startsWith("ONASIS_")) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }
}
