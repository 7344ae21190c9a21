package com.lanonasis.gateway.adapters.persistence.cache;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Users by id from {@link CredentialCache} (the lookup every credential check makes); a role
 * change, disabling, renaming, password change or deletion invalidates every instance. Sign-in by
 * e-mail always reads the store.
 */
public final class CachedUsers implements Users, UserDirectory {

    private final Users users;
    private final UserDirectory directory;
    private final CredentialCache.Region<UserId, User> byId;

    public <S extends Users & UserDirectory> CachedUsers(S store, CredentialCache cache) {
        this.users = store;
        this.directory = store;
        this.byId = cache.region();
    }

    @Override
    public boolean add(UserAccount account) {
        return users.add(account);
    }

    @Override
    public Optional<UserAccount> findByEmail(Email email) {
        return users.findByEmail(email);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return byId.get(id, () -> users.findById(id));
    }

    @Override
    public List<User> search(String emailPart, int offset, int limit) {
        return directory.search(emailPart, offset, limit);
    }

    @Override
    public boolean changeRole(UserId id, Role role) {
        boolean changed = directory.changeRole(id, role);
        return changed;
    }

    @Override
    public boolean rename(UserId id, String name) {
        boolean renamed = directory.rename(id, name);
        return renamed;
    }

    @Override
    public boolean setDisabled(UserId id, boolean disabled) {
        boolean changed = directory.setDisabled(id, disabled);
        return changed;
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        boolean replaced = directory.replacePasswordHash(id, expected, replacement);
        return replaced;
    }

    @Override
    public boolean delete(UserId id) {
        boolean deleted = directory.delete(id);
        return deleted;
    }
}
