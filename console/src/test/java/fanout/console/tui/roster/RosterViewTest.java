package fanout.console.tui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Palette;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterViewTest {
    @TempDir Path directory;

    private ConsoleHarness harness() {
        return new ConsoleHarness(
                80,
                24,
                ConsoleOptions.defaults(true).withFirstView("setup"),
                Palette.colour(),
                directory);
    }

    @Test
    void tabCompletesThePathAndEnterPreviewsEveryRowWithItsProblemsAndTheDiff() throws IOException {
        Files.createDirectories(directory.resolve("rosters"));
        Files.writeString(directory.resolve("rosters/sample-class.csv"), "id\n");
        ConsoleHarness harness = harness();
        harness.press(KeyType.ArrowDown).press(KeyType.Enter);
        harness.type("ros").press(KeyType.Tab);
        assertThat(harness.text()).contains("roster CSV: rosters/_");
        harness.type("s").press(KeyType.Tab).press(KeyType.Enter);
        assertThat(harness.roster.previewed)
                .containsExactly(directory.resolve("rosters/sample-class.csv"));
        String screen = harness.text();
        assertThat(screen).contains("1 new, 1 changed, 1 unchanged, 1 with problems");
        assertThat(screen).contains("warning: column shoe_size ignored");
        assertThat(screen)
                .contains(
                        "5      x      Bad Row              INVALID    line 5: id x does not match");
        assertThat(harness.foregroundOf("INVALID")).isEqualTo(Palette.ORANGE);
    }

    @Test
    void importAsksNamingTheCountThenShowsTheSummary() {
        ConsoleHarness harness = harness();
        harness.roster.defaultPath = Path.of("class.csv");
        harness.type(":roster").press(KeyType.Enter);
        assertThat(harness.text()).contains("roster CSV: class.csv_");
        harness.press(KeyType.Enter).type("i");
        assertThat(harness.text()).contains("Import 2 rows (1 new, 1 changed)?");
        harness.type("y").press(KeyType.Enter);
        assertThat(harness.roster.applied).isEqualTo(1);
        assertThat(harness.text()).contains("imported: 1 new, 1 updated, 1 unchanged, 1 rejected");
    }

    @Test
    void completionExtendsToTheLongestCommonPrefix() throws IOException {
        Files.writeString(directory.resolve("class-a.csv"), "");
        Files.writeString(directory.resolve("class-b.csv"), "");
        assertThat(PathCompletion.complete("cl", directory)).isEqualTo("class-");
        assertThat(PathCompletion.complete("class-a", directory)).isEqualTo("class-a.csv");
        assertThat(PathCompletion.complete("nothing", directory)).isEqualTo("nothing");
        assertThat(PathCompletion.commonPrefix(List.of("abc", "abd"))).isEqualTo("ab");
    }
}
