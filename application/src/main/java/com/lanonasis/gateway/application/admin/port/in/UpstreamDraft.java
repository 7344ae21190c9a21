package com.lanonasis.gateway.application.admin.port.in;

import java.util.List;
import java.util.Map;

/**
 * An upstream as an administrator writes it; checked by the use case (every invalid field reported).
 * Exactly one of {@code url} and {@code command} is set. A null {@code credentialValue} on update
 * keeps the stored credential (it is never shown back); an empty {@code credentialHeader} removes it.
 */
public record UpstreamDraft(String name, String title, String url, String command, List<String> args,
                            Map<String, String> env, String workingDir, List<String> requiredScopes,
                            List<String> allowedUsers, List<String> allowedEmails, Boolean apiKeys,
                            String credentialHeader, String credentialValue, Boolean enabled) {
}
