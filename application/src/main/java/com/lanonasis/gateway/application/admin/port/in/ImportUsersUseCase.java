package com.lanonasis.gateway.application.admin.port.in;

import com.lanonasis.gateway.domain.shared.Outcome;
import com.lanonasis.gateway.domain.shared.Principal;
import java.util.List;

/**
 * Brings accounts over with their bcrypt password hashes (the platform's old users, Supabase
 * {@code auth.users}). The hash is verified at the person's next sign-in and then replaced by Argon2id.
 * Each row succeeds or fails on its own; at most {@link #MAX_ROWS} per call.
 */
public interface ImportUsersUseCase {

    int MAX_ROWS = 1000;

    Outcome<List<ImportOutcome>> importUsers(Principal caller, List<ImportedUser> rows);
}
