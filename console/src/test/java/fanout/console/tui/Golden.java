package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden screens under {@code src/test/resources/golden}, compared exactly. Regenerate with {@code
 * -Dgolden.update=true} and review the diff before committing.
 */
public final class Golden {
    private static final Path DIRECTORY = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String name, String screen) {
        Path file = DIRECTORY.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, screen, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file (create it with -Dgolden.update=true)").exists();
            assertThat(screen)
                    .as("screen %s (regenerate with -Dgolden.update=true)", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
