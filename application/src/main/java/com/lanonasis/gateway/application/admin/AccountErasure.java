package com.lanonasis.gateway.application.admin;

import com.lanonasis.gateway.application.admin.port.in.AccountDeleted;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.WebSessions;
import com.lanonasis.gateway.domain.memory.port.out.AccountMemories;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.Optional;

/**
 * Deleting an account with all its data, whoever asks (an administrator, or the person): the
 * account first, so from then on none of its credentials is accepted whatever happens to the
 * memories (which may live in another database), then its memories and browser sessions.
 */
public final class AccountErasure {

    private final UserDirectory directory;
    private final AccountMemories memories;
    private final WebSessions sessions;

    /** @param sessions null when sessions are left to expire (they stop working with the account anyway) */
    public AccountErasure(UserDirectory directory, AccountMemories memories, WebSessions sessions) {
        this.directory = directory;
        this.memories = memories;
        this.sessions = sessions;
    }

    /** Empty when there is no such account. */
    public Optional<AccountDeleted> erase(UserId id) {
        if (!directory.delete(id)) {
            return Optional.empty();
        }
        long erased = memories.eraseAll(id);
        if (sessions != null) {
            sessions.ofUser(id).forEach(session -> sessions.remove(session.idHash()));
        }
        return Optional.of(new AccountDeleted(id.toString(), erased));
    }
}
