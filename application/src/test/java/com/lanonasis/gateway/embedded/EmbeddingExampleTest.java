package com.lanonasis.gateway.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lanonasis.gateway.application.auth.port.in.Credential;
import com.lanonasis.gateway.application.identity.port.in.LogIn;
import com.lanonasis.gateway.application.identity.port.in.Registration;
import com.lanonasis.gateway.application.identity.port.in.UserSession;
import com.lanonasis.gateway.application.memory.port.in.MemoryDraft;
import com.lanonasis.gateway.application.memory.port.in.SearchRequest;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consumer's test shown in docs/embedding.md, verbatim: keep the two in step. */
class EmbeddingExampleTest {

    // --- docs/embedding.md: begin
    @Test
    void aUserKeepsAMemoryAndFindsItAgain() {
        OnasisCore core = OnasisCore.inMemory().build();
        core.register().register(new Registration("ada@example.com", "correct horse battery", "Ada"));
        Outcome<UserSession> session = core.logIn().logIn(new LogIn("ada@example.com", "correct horse battery"));
        String token = ((Outcome.Done<UserSession>) session).value().accessToken().reveal();
        Principal ada = core.principal(new Credential.BearerToken(token)).orElseThrow();
        core.createMemory().create(ada, new MemoryDraft("Deploy notes", "blue-green, then smoke tests", "project",
                List.of("ops"), Map.of()));
        var found = core.searchMemories().search(ada, new SearchRequest("deploying", null, null, null, null));
        assertEquals("Deploy notes", found.fold(results -> results.results().get(0).entry().title().value(),
                rejection -> rejection.toString()));
    }
    // --- docs/embedding.md: end
}
