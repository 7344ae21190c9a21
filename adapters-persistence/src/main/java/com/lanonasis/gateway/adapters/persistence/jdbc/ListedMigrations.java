package com.lanonasis.gateway.adapters.persistence.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Flyway's migrations and callbacks read from the list the migrations module writes at build time
 * ({@code db/migration/index.txt}, migrations/src/build/MigrationIndex.java) instead of Flyway's classpath scan,
 * which walks every entry of the service's jar (about 31 000) once per location at every start. The list holds
 * every {@code .sql} file under {@code db/migration} of that jar, so a new migration is picked up by the next
 * build; Flyway still reads, checksums and validates each file it is given, so a changed migration still stops
 * the start.
 */
final class ListedMigrations implements ResourceProvider {

    static final String INDEX = "db/migration/index.txt";

    private final List<LoadableResource> resources;

    private ListedMigrations(List<LoadableResource> resources) {
        this.resources = resources;
    }

    /**
     * The listed files under the given classpath folders, or empty when this classpath has no list (then Flyway
     * scans, as before).
     */
    static Optional<ListedMigrations> of(List<String> folders, ClassLoader loader) {
        List<String> listed = index(loader);
        if (listed == null) {
            return Optional.empty();
        }
        List<LoadableResource> resources = new ArrayList<>();
        for (String folder : folders) {
            Location location = new Location("classpath:" + folder);
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            for (String path : listed) {
                if (path.startsWith(prefix)) {
                    if (loader.getResource(path) == null) {
                        throw new IllegalStateException(INDEX + " lists " + path + ", which is not on the classpath");
                    }
                    resources.add(new ClassPathResource(location, path, loader, StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.of(new ListedMigrations(List.copyOf(resources)));
    }

    /** The lines of the list, or null when there is none. */
    static List<String> index(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        for (LoadableResource resource : resources) {
            if (resource.getRelativePath().equals(name)) {
                return resource;
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (LoadableResource resource : resources) {
            String file = resource.getFilename();
            if (file.startsWith(prefix) && endsWithAny(file, suffixes)) {
                found.add(resource);
            }
        }
        return found;
    }

    private static boolean endsWithAny(String file, String[] suffixes) {
        for (String suffix : suffixes) {
            if (file.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
