package com.lanonasis.gateway.domain.identity.port.out;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.Optional;

/** Outgoing port: the store of user accounts. */
public interface Users {

    /** Adds the account; false when the email is taken (decided atomically by the store). */
    boolean add(UserAccount account);

    Optional<UserAccount> findByEmail(Email email);

    Optional<User> findById(UserId id);
}
