package com.lanonasis.gateway.bootstrap.oauth;

import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every page a person meets, in headless Chromium against the real jar (src/test/node/pages.mjs):
 * sign-in with the right and a wrong password, the lock-out message, sign-out, authorization code
 * + PKCE for a loopback client through login and consent, a returning person sent straight back,
 * deny, device approval, the error pages and the rate-limit page. Once with the issuer on
 * {@code localhost} (how the README runs it) and once on a public-looking name, {@code gateway.test},
 * that Chromium resolves to 127.0.0.1. Each step is its own test; screenshots of every page go
 * to target/browser-screenshots.
 *
 * <p>The jar runs with 3 failed sign-ins before a lock-out, a device polling interval of 1 s (the
 * device step approves after at least three polls, not after the minutes a person may take), and
 * rate limits with room for a whole run from one address ({@link NodeBrowser#jarEnvironment}).
 */
class BrowserIT {

    @BeforeAll
    static void tools() throws Exception {
        NodeBrowser.require();
    }

    @TestFactory
    Stream<DynamicTest> pagesOnLocalhost() throws Exception {
        return pages("localhost", false);
    }

    @TestFactory
    Stream<DynamicTest> pagesOnAPublicHostName() throws Exception {
        return pages("gateway.test", true);
    }

    private static Stream<DynamicTest> pages(String host, boolean mapped) throws Exception {
        int port = RunningJar.freePort();
        String base = "http://" + host + ":" + port;
        Path data = Files.createTempDirectory("onasis-browser");
        try (RunningJar jar = RunningJar.start(NodeBrowser.jarEnvironment(base, data), port)) {
            List<String> arguments = new ArrayList<>(List.of(base, NodeBrowser.SHOTS.toAbsolutePath().toString(), host));
            if (mapped) {
                arguments.add(host);
            }
            return NodeBrowser.node("pages.mjs", arguments, Map.of(), 240).steps(host + ": ");
        }
    }
}
