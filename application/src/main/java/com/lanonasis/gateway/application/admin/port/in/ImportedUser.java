package com.lanonasis.gateway.application.admin.port.in;

/** One account to bring over from another store, as given (checked by the use case, row by row). */
public record ImportedUser(String email, String bcryptHash, String name) {

    @Override
    public String toString() {
        return "ImportedUser[email=" + email + ", bcryptHash=[redacted]]";
    }
}
