package com.lanonasis.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.Test;

/**
 * The service's logging after the access log is drained at a graceful stop: what shutdown code logs afterwards
 * (a stdio upstream's child ended, the database closed) must still be written. CI once lost "gateway stopping"
 * because the drained access appender stopped the console it shared with the root logger.
 */
class LogConfigurationTest {

    @Test
    void drainingTheAccessLogLeavesEveryOtherLineWritten() throws Exception {
        LoggerContext context = new LoggerContext();
        new LogConfiguration().apply(context);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> access = context.getLogger(AccessLogDrain.LOGGER).getAppender(AccessLogDrain.APPENDER);
        assertNotNull(access, "the access log has its asynchronous appender");
        Appender<ILoggingEvent> console = root.iteratorForAppenders().next();
        assertTrue(console.isStarted());

        access.stop(); // what AccessLogDrain does on ServerShutdownEvent

        assertFalse(access.isStarted());
        assertTrue(console.isStarted(), "the root logger's console still writes after the access log is drained");
        context.stop();
    }
}
