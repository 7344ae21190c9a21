package com.lanonasis.gateway.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;

/**
 * The service's logging, set up in code (found by logback through {@code META-INF/services}) instead of a
 * {@code logback.xml} read by Joran: Joran's XML parsing and model processing loaded about 300 classes and were
 * about a tenth of the start-up's main thread. The same configuration as the former logback.xml:
 * <ul>
 *   <li>{@code ONASIS_LOG_FORMAT=json} (default): one JSON object per line (level, thread, logger, mdc with the
 *       request id, kvpList, formattedMessage); {@code text}: plain lines for a terminal;</li>
 *   <li>{@code ONASIS_LOG_LEVEL} (default INFO) for the root logger; hikari, flyway and password4j at WARN, DJL's
 *       CUDA probe at ERROR;</li>
 *   <li>the access log ({@code onasis.access}, level {@code ONASIS_ACCESS_LOG_LEVEL}, default INFO) written by
 *       logback's worker thread: an {@link AsyncAppender} named {@code access} (8 192 lines, none dropped; a full
 *       queue makes the next request wait), drained on a graceful stop ({@link AccessLogDrain});</li>
 *   <li>the request id of the request being served in every line's mdc ({@link RequestIdInLogs}).</li>
 * </ul>
 * Each variable may also be given as a system property of the same name (as in logback.xml before). A logback
 * file named by {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the classpath (tests),
 * takes precedence: this configurator then leaves the configuration to logback's own.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %X{request_id} %logger{36} - %msg %kvp%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up the context's appenders and levels (the service's configuration, whatever files are present). */
    void apply(LoggerContext context) {
        RequestIdInLogs requestIds = new RequestIdInLogs();
        requestIds.setContext(context);
        requestIds.start();
        context.addTurboFilter(requestIds);

        boolean text = "text".equals(setting("ONASIS_LOG_FORMAT", "json").toLowerCase(Locale.ROOT));
        ConsoleAppender<ILoggingEvent> console = console(context, text, text ? "text" : "json");

        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.password4j").setLevel(Level.WARN);
        // DJL probes for a GPU when the tokenizer loads and warns twice that CUDA is missing: the model runs on the
        // CPU by design
        context.getLogger("ai.djl.util.cuda").setLevel(Level.ERROR);

        // the access log gets a console of its own: stopping an AsyncAppender (AccessLogDrain, at a graceful stop)
        // also stops the appenders attached to it, and a shared console would silence every line logged after it
        ConsoleAppender<ILoggingEvent> accessConsole = console(context, text, console.getName() + "-access");
        AsyncAppender access = new AsyncAppender();
        access.setContext(context);
        access.setName(AccessLogDrain.APPENDER);
        access.setQueueSize(8192);
        access.setDiscardingThreshold(0);
        access.addAppender(accessConsole);
        access.start();
        Logger accessLog = context.getLogger(AccessLogDrain.LOGGER);
        accessLog.setLevel(Level.toLevel(setting("ONASIS_ACCESS_LOG_LEVEL", "INFO"), Level.INFO));
        accessLog.setAdditive(false);
        accessLog.addAppender(access);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting("ONASIS_LOG_LEVEL", "INFO"), Level.INFO));
        root.addAppender(console);
    }

    /** A started console appender writing JSON lines, or plain text lines when {@code text}. */
    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, boolean text, String name) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(name);
        console.setEncoder(text ? textEncoder(context) : jsonEncoder(context));
        console.start();
        return console;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
