package com.lanonasis.gateway.adapters.persistence.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lanonasis.gateway.domain.identity.Password;
import com.lanonasis.gateway.domain.identity.PasswordHash;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Argon2id in PHC form, compatible both ways with the hashes password4j wrote before. */
class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(1024, 2, 1);

    @Test
    void aHashMatchesItsPasswordOnly() {
        PasswordHash hash = hasher.hash(Password.presented("correct horse battery"));
        assertTrue(hash.reveal().startsWith("$argon2id$v=19$m=1024,t=2,p=1$"), hash.reveal());
        assertTrue(hasher.matches(Password.presented("correct horse battery"), hash));
        assertFalse(hasher.matches(Password.presented("correct horse batterY"), hash));
        assertFalse(hasher.needsRehash(hash));
        PasswordHash again = hasher.hash(Password.presented("correct horse battery"));
        assertFalse(again.reveal().equals(hash.reveal()), "a fresh salt each time");
    }

    @Test
    void hashesWrittenByPassword4jStillVerifyAndPassword4jVerifiesOurs() {
        String password = "pässword with ünicode 🔑";
        for (int[] p : new int[][] {{19_456, 2, 1}, {1024, 3, 2}, {4096, 1, 1}}) {
            String old = com.password4j.Password.hash(password).addRandomSalt(16)
                    .with(Argon2Function.getInstance(p[0], p[1], p[2], 32, Argon2.ID)).getResult();
            assertTrue(hasher.matches(Password.presented(password), new PasswordHash(old)), old);
            assertFalse(hasher.matches(Password.presented(password + "x"), new PasswordHash(old)), old);

            String ours = new Argon2PasswordHasher(p[0], p[1], p[2]).hash(Password.presented(password)).reveal();
            assertTrue(Argon2Function.getInstanceFromHash(ours).check(password, ours), ours);
        }
        String argon2i = com.password4j.Password.hash("an argon2i password").addRandomSalt(16)
                .with(Argon2Function.getInstance(1024, 2, 1, 32, Argon2.I)).getResult();
        assertTrue(hasher.matches(Password.presented("an argon2i password"), new PasswordHash(argon2i)), argon2i);
        assertTrue(hasher.needsRehash(new PasswordHash(argon2i)));
    }

    @Test
    void aMalformedOrExcessiveStoredHashIsNoMatchNeverAnError() {
        String good = hasher.hash(Password.presented("some password")).reveal();
        String[] salted = good.split("\\$");
        for (String stored : List.of("", "$", "plain text", "$argon2id$v=19$m=1,t=1,p=1$x$y",
                "$argon2x$v=19$m=1024,t=2,p=1$" + salted[4] + "$" + salted[5],
                "$argon2id$v=18$m=1024,t=2,p=1$" + salted[4] + "$" + salted[5],
                "$argon2id$v=19$m=99999999,t=2,p=1$" + salted[4] + "$" + salted[5],
                "$argon2id$v=19$m=1024,t=0,p=1$" + salted[4] + "$" + salted[5],
                "$argon2id$v=19$m=1024,t=2,p=1,q=3$" + salted[4] + "$" + salted[5],
                "$argon2id$v=19$m=1024,t=2,p=1$!!notbase64$" + salted[5],
                "$argon2id$v=19$m=1024,t=2,p=1$" + salted[4],
                "$argon2id$v=19$m=-1,t=2,p=1$" + salted[4] + "$" + salted[5])) {
            assertFalse(hasher.matches(Password.presented("some password"), new PasswordHash(stored)), stored);
        }
        assertTrue(hasher.matches(Password.presented("some password"), new PasswordHash(good)));
    }

    @Test
    void parametersOutOfRangeAreRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(1024, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(1024, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(1 << 20, 1, 1));
    }

    @Test
    void manyCallersAtOnceAllGetTheirAnswer() throws Exception {
        Argon2PasswordHasher one = new Argon2PasswordHasher(2048, 1, 1, 1);
        PasswordHash stored = one.hash(Password.presented("shared password"));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String attempt = i % 2 == 0 ? "shared password" : "wrong password " + i;
                answers.add(callers.submit(() -> one.matches(Password.presented(attempt), stored)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(i % 2 == 0, answers.get(i).get(), "caller " + i);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
