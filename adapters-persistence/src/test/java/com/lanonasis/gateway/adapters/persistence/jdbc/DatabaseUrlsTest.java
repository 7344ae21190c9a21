package com.lanonasis.gateway.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

    @Test
    void neonUrlBecomesJdbcWithCredentialsApart() {
        DatabaseSettings settings = DatabaseUrls.settings("ONASIS_DATABASE_URL",
                "postgresql://neondb_owner:p%40ss%2Fword@ep-cool-1234-pooler.eu-central-1.aws.neon.tech/neondb"
                        + "?sslmode=require&channel_binding=require", null, null, 5);

        assertEquals("jdbc:postgresql://ep-cool-1234-pooler.eu-central-1.aws.neon.tech/neondb"
                + "?sslmode=require&channelBinding=require", settings.url());
        assertEquals("neondb_owner", settings.username());
        assertEquals("p@ss/word", settings.password());
        assertEquals(DatabaseSettings.Vendor.POSTGRES, settings.vendor());
        assertFalse(settings.toString().contains("p@ss/word"));
    }

    @Test
    void supabasePoolerUrlKeepsItsPort() {
        DatabaseSettings settings = DatabaseUrls.settings("X",
                "postgres://postgres.abcd:secret@aws-0-eu-west-1.pooler.supabase.com:6543/postgres", null, null, 5);

        assertEquals("jdbc:postgresql://aws-0-eu-west-1.pooler.supabase.com:6543/postgres", settings.url());
        assertEquals("postgres.abcd", settings.username());
    }

    @Test
    void jdbcUrlsPassThroughAndBadOnesNameTheSetting() {
        assertEquals("jdbc:h2:file:./data/x", DatabaseUrls.settings("X", "jdbc:h2:file:./data/x", null, null, 1).url());
        for (String bad : new String[] {"", "mysql://h/db", "postgresql://host", "postgresql://u:p w@host/db"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> DatabaseUrls.settings("ONASIS_DATABASE_URL", bad, null, null, 1));
            assertTrue(error.getMessage().startsWith("ONASIS_DATABASE_URL"), error.getMessage());
            assertFalse(error.getMessage().contains("p w"), "no password echoed");
        }
    }
}
