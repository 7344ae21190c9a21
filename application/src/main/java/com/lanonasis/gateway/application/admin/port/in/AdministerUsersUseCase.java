package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/**
 * Accounts as an administrator manages them. Every call needs the {@code admin} scope on a
 * credential of a user who is an administrator now; every call is audited. An administrator
 * cannot disable, demote or delete their own account (so the last one cannot lock everyone out).
 */
public interface AdministerUsersUseCase {

    Outcome<List<User>> search(Principal caller, UserSearch search);

    Outcome<User> view(Principal caller, String userId);

    /** Disabling ends every credential of the account at once and revokes its OAuth tokens. */
    Outcome<User> setDisabled(Principal caller, String userId, boolean disabled);

    Outcome<User> changeRole(Principal caller, String userId, String role);

    /** Deletes the account, its memories, API keys, OAuth tokens and consents. */
    Outcome<AccountDeleted> delete(Principal caller, String userId);
}
