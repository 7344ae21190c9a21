package com.lanonasis.gateway.adapters.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A real PgBouncer in transaction mode (as Neon's and Supabase's pooled endpoints run it) in
 * front of the embedded Postgres. Needs the Debian package; tests assume it and are reported as
 * skipped, with the reason, where it is missing.
 */
final class PgBouncer {

    static final String BINARY = "/usr/sbin/pgbouncer";
    static final String MISSING = "PgBouncer is not installed (apt-get install pgbouncer): pooled runs skipped";

    private static Process process;
    private static int port;

    private PgBouncer() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /**
     * A fresh database, migrated and used through the pooler. The JDBC driver must not keep
     * server-side prepared statements ({@code prepareThreshold=0}): in transaction mode the next
     * statement may run on another server connection.
     */
    static synchronized HikariDataSource fresh(Schema schema) {
        return Postgres.remember(Databases.open(new DatabaseSettings(url(Postgres.newDatabase()), "postgres", null, 4),
                "test-pgbouncer", schema));
    }

    /** The pooler's JDBC URL for {@code database} of the embedded Postgres. */
    static synchronized String url(String database) {
        start();
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
    }

    private static void start() {
        if (process != null) {
            return;
        }
        try {
            int postgres = Postgres.port();
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("pgbouncer", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxrwxrwx")));
            Path config = dir.resolve("pgbouncer.ini");
            Files.writeString(config, String.join("\n",
                    "[databases]",
                    "* = host=127.0.0.1 port=" + postgres + " user=postgres",
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = any",
                    "pool_mode = transaction",
                    "default_pool_size = 4",
                    // a test's database is dropped from use when its pool closes: give its server connections back soon
                    "server_idle_timeout = 2",
                    "max_client_conn = 200",
                    "ignore_startup_parameters = extra_float_digits",
                    "logfile = " + dir.resolve("pgbouncer.log"),
                    ""));
            dir.toFile().setWritable(true, false);
            ProcessBuilder builder = new ProcessBuilder(BINARY, "-u", "nobody", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile());
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            for (int attempt = 0; attempt < 100; attempt++) {
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("PgBouncer did not start; see " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
