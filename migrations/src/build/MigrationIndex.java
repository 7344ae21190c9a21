import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step of the migrations module (run by exec-maven-plugin with the JDK's source launcher): writes
 * {@code db/migration/index.txt}, every {@code .sql} file under {@code db/migration}, one classpath path a line,
 * sorted. Flyway reads its migrations from this list (adapters-persistence {@code ListedMigrations}) instead of
 * scanning the service's whole jar at every start. Arguments: the resources folder, the output folder.
 */
public final class MigrationIndex {
    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args[0]);
        Path index = Path.of(args[1], "db", "migration", "index.txt");
        try (Stream<Path> files = Files.walk(resources.resolve("db").resolve("migration"))) {
            String lines = files.filter(Files::isRegularFile)
                    .map(file -> resources.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.createDirectories(index.getParent());
            Files.writeString(index, lines, StandardCharsets.UTF_8);
        }
    }
}
