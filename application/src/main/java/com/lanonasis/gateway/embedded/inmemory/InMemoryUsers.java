package com.lanonasis.gateway.embedded.inmemory;

import com.lanonasis.gateway.domain.identity.Email;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.lanonasis.gateway.domain.identity.User;
import com.lanonasis.gateway.domain.identity.UserAccount;
import com.lanonasis.gateway.domain.identity.port.out.UserDirectory;
import com.lanonasis.gateway.domain.identity.port.out.Users;
import com.lanonasis.gateway.domain.shared.Role;
import com.lanonasis.gateway.domain.shared.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Accounts by id; e-mail addresses are unique (they are lower-cased by {@link Email}). */
public final class InMemoryUsers implements Users, UserDirectory {

    private final InMemoryDatabase database;
    private final InMemoryDatabase.Table<UserId, UserAccount> accounts;

    public InMemoryUsers(InMemoryDatabase database) {
        this.database = database;
        this.accounts = database.table();
    }

    @Override
    public boolean add(UserAccount account) {
        return database.locked(() -> findByEmail(account.user().email()).isEmpty()
                && accounts.insert(account.user().id(), account));
    }

    @Override
    public Optional<UserAccount> findByEmail(Email email) {
        return accounts.values().stream().filter(account -> account.user().email().equals(email)).findFirst();
    }

    @Override
    public Optional<User> findById(UserId id) {
        return accounts.get(id).map(UserAccount::user);
    }

    @Override
    public List<User> search(String emailPart, int offset, int limit) {
        String part = emailPart == null ? "" : emailPart.toLowerCase(java.util.Locale.ROOT);
        return accounts.values().stream().map(UserAccount::user)
                .filter(user -> user.email().value().contains(part))
                .sorted(Comparator.comparing(User::createdAt).thenComparing(user -> user.id().toString()))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public boolean changeRole(UserId id, Role role) {
        return change(id, user -> new User(user.id(), user.email(), user.name(), role, user.createdAt(),
                user.disabled()));
    }

    @Override
    public boolean rename(UserId id, String name) {
        return change(id, user -> new User(user.id(), user.email(), name, user.role(), user.createdAt(),
                user.disabled()));
    }

    @Override
    public boolean setDisabled(UserId id, boolean disabled) {
        return change(id, user -> new User(user.id(), user.email(), user.name(), user.role(), user.createdAt(),
                disabled));
    }

    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return database.locked(() -> accounts.get(id)
                .filter(account -> account.passwordHash().reveal().equals(expected.reveal()))
                .map(account -> {
                    accounts.put(id, new UserAccount(account.user(), replacement));
                    return true;
                }).orElse(false));
    }

    @Override
    public boolean delete(UserId id) {
        return accounts.remove(id).isPresent();
    }

    private boolean change(UserId id, UnaryOperator<User> edit) {
        return database.locked(() -> accounts.get(id).map(account -> {
            accounts.put(id, new UserAccount(edit.apply(account.user()), account.passwordHash()));
            return true;
        }).orElse(false));
    }
}
