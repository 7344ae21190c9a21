package com.lanonasis.gateway.bootstrap.oauth;

import com.lanonasis.gateway.bootstrap.support.NodeBrowser;
import com.lanonasis.gateway.bootstrap.support.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 17: the account page in headless Chromium against the real jar (src/test/node/account.mjs):
 * sign in, create an API key and use it, revoke it, revoke a connected app, change the password
 * (another browser context is signed out), delete the account. Each step is its own test.
 */
class AccountBrowserIT {

    @BeforeAll
    static void tools() throws Exception {
        NodeBrowser.require();
    }

    @TestFactory
    Stream<DynamicTest> accountPage() throws Exception {
        int port = RunningJar.freePort();
        String base = "http://localhost:" + port;
        Path data = Files.createTempDirectory("onasis-account-browser");
        try (RunningJar jar = RunningJar.start(NodeBrowser.jarEnvironment(base, data), port)) {
            return NodeBrowser.node("account.mjs", List.of(base, NodeBrowser.SHOTS.toAbsolutePath().toString(),
                    "localhost"), Map.of(), 180).steps("account: ");
        }
    }
}
