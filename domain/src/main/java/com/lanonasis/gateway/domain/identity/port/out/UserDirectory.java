package com.lanonasis.gateway.domain.identity.port.out;

import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;

/** Outgoing port: the user accounts as an administrator sees them. */
public interface UserDirectory {

    /** Accounts whose e-mail contains {@code emailPart} (any when empty), oldest first, one page. */
    List<User> search(String emailPart, int offset, int limit);

    /** False when there is no such account. */
    boolean changeRole(UserId id, Role role);

    /** Sets the display name (null clears it); false when there is no such account. */
    boolean rename(UserId id, String name);

    /** False when there is no such account. */
    boolean setDisabled(UserId id, boolean disabled);

    /** Replaces the stored password hash, only if it is still {@code expected} (another sign-in may have won). */
    boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement);

    /**
     * Removes the account and every credential and grant that refers to it (API keys, OAuth
     * access and refresh tokens, consents) at once; false when there is no such account.
     * Memories are erased separately (they may live in another database). The audit log keeps its rows.
     */
    boolean delete(UserId id);
}
