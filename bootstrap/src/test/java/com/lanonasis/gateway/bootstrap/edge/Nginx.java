package com.lanonasis.gateway.bootstrap.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx for tests: {@code nginx -t}, or a child process on a free port with its prefix,
 * pid and logs in a temporary directory, stopped by {@link #close()}.
 */
public final class Nginx implements AutoCloseable {

    public static final String NOT_INSTALLED = "nginx is not installed (looked for -Donasis.nginx, else "
            + "/usr/sbin/nginx and nginx on the PATH; Debian: apt-get install nginx, which .ci/run does)";

    private final Process process;
    private final Path dir;

    private Nginx(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /** The nginx binary, if this machine has one; {@code -Donasis.nginx=<path>} names another. */
    public static Optional<Path> binary() {
        String chosen = System.getProperty("onasis.nginx");
        if (chosen != null) {
            return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(entry -> !entry.isEmpty()).map(entry -> Path.of(entry, "nginx"));
        return Stream.concat(Stream.of(Path.of("/usr/sbin/nginx")), onPath).filter(Files::isExecutable).findFirst();
    }

    /** A temporary directory nginx's workers (user nobody when the tests run as root) can use. */
    public static Path directory() throws IOException {
        Path dir = Files.createTempDirectory("onasis-nginx-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createDirectories(dir.resolve("logs"));
        return dir;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code nginx -t} on the config; the result holds the exit code and everything nginx said. */
    public static Check test(String config, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(binary().orElseThrow().toString(), "-t", "-p", dir + "/", "-e",
                dir.resolve("logs/startup-error.log").toString(), "-c", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(30, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            throw new AssertionError("nginx -t did not finish in 30 s");
        }
        return new Check(check.exitValue(), output);
    }

    public record Check(int exitCode, String output) {
    }

    /** Starts nginx in the foreground with the config, and waits until it accepts connections on the port. */
    public static Nginx start(String config, Path dir, int port) throws IOException, InterruptedException {
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Path output = dir.resolve("logs/stdout.log");
        Process process = new ProcessBuilder(binary().orElseThrow().toString(), "-p", dir + "/", "-e",
                dir.resolve("logs/startup-error.log").toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Nginx nginx = new Nginx(process, dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited with " + process.exitValue() + ": " + nginx.logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new AssertionError("nginx did not listen on " + port + " within 15 s: " + nginx.logs());
    }

    /** Everything nginx wrote to its error logs and output, for failure messages. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("stdout.log", "startup-error.log", "error.log")) {
            Path log = dir.resolve("logs").resolve(name);
            try {
                if (Files.exists(log)) {
                    text.append("\n--- ").append(name).append(" ---\n").append(Files.readString(log));
                }
            } catch (IOException e) {
                text.append("\n(could not read ").append(name).append(": ").append(e).append(')');
            }
        }
        return text.toString();
    }

    /** Stops this nginx (its master process, which takes its workers with it) and removes its directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        delete(dir);
    }

    public static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
