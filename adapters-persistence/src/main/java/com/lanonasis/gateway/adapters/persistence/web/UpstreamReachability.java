package com.lanonasis.gateway.adapters.persistence.web;

import com.lanonasis.gateway.application.health.port.out.Dependency;
import com.lanonasis.gateway.application.port.out.StoreUnavailable;
import com.lanonasis.gateway.domain.upstreams.Upstream;
import com.lanonasis.gateway.domain.upstreams.UpstreamTarget;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Readiness of an upstream MCP server, never essential (the gateway works without it): an HTTP
 * upstream accepts a TCP connection on its host and port within {@code timeout} (no MCP message is
 * sent, so no session is opened and no credential is spent); a stdio upstream's command is an
 * executable file, by path or on {@code PATH} (its processes run per session, none is started here).
 */
public final class UpstreamReachability implements Dependency {

    private final Upstream upstream;
    private final Duration timeout;

    public UpstreamReachability(Upstream upstream, Duration timeout) {
        this.upstream = upstream;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "upstream:" + upstream.name();
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public void check() {
        if (upstream.target() instanceof UpstreamTarget.Http http) {
            URI url = http.url();
            int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            } catch (IOException e) {
                throw new StoreUnavailable("no connection to " + url.getHost() + ":" + port, e);
            }
            return;
        }
        String command = ((UpstreamTarget.Stdio) upstream.target()).command();
        if (!executable(command)) {
            throw new StoreUnavailable("command not found or not executable: " + command, null);
        }
    }

    private static boolean executable(String command) {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
