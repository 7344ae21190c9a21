package com.lanonasis.gateway.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

/**
 * The access log is written by logback's worker thread ({@link LogConfiguration}, appender {@code access}). Once the
 * server has stopped serving, this writes the lines still queued (stopping the appender drains its queue,
 * for at most a second) so a graceful stop keeps the access lines of the last requests. Every other
 * logger stays attached and synchronous, so what the rest of the shutdown logs is not lost.
 */
@Singleton
final class AccessLogDrain implements ApplicationEventListener<ServerShutdownEvent> {

    static final String LOGGER = "onasis.access";
    static final String APPENDER = "access";

    @Override
    public void onApplicationEvent(ServerShutdownEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Appender<ILoggingEvent> access = context.getLogger(LOGGER).getAppender(APPENDER);
            if (access != null) {
                access.stop();
            }
        }
    }
}
