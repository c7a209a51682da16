package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's walk, end to end: the packaged jar's {@code sandbox} in tmux, from the connect view
 * through the checklist to a live dashboard, help, a filter, a resize to 80x24, colours, and quit
 * with exit code 0 and the terminal given back. Polls the screen, never sleeps; on failure the
 * screens seen so far are kept under target/tui-e2e/.
 */
class TuiSandboxIT {
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final String ORANGE = "\u001b[38;5;208m";

    @TempDir Path work;
    private final List<String> seen = new ArrayList<>();

    @Test
    void aLeaderWalksFromTheSandboxToALiveDashboardAndQuitsCleanly() throws IOException {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        Path home = Path.of(System.getProperty("fanout.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve("console/target/fanout-console.jar");
        Assumptions.assumeTrue(
                Files.isRegularFile(jar), "the console jar is built by `mvn package`");
        try (Tmux tmux = new Tmux("fanout-tui-it-" + ProcessHandle.current().pid())) {
            tmux.start(
                    100,
                    30,
                    "cd '"
                            + work
                            + "' && FANOUT_HOME='"
                            + home
                            + "' java -Daws.cborEnabled=false -jar '"
                            + jar
                            + "' sandbox; echo \"EXIT=$?\"; sleep 600");
            walk(tmux);
        } catch (AssertionError | RuntimeException e) {
            keepScreens();
            throw e;
        }
    }

    private void walk(Tmux tmux) {
        waitFor(tmux, "fanout | Connect");
        waitFor(tmux, "ready. press enter");
        tmux.keys("Enter");
        waitFor(tmux, "Setup checklist");
        // Enter alone walks the checklist: each step done moves the selection to the next.
        tmux.keys("Enter");
        waitFor(tmux, "Deploy   done");
        tmux.keys("Enter");
        waitFor(tmux, "roster CSV: ");
        waitFor(tmux, "sample-class.csv_");
        tmux.keys("Enter");
        waitFor(tmux, "press i to import");
        tmux.keys("i");
        waitFor(tmux, "(type y + enter");
        tmux.keys("y", "Enter");
        waitFor(tmux, "imported: ");
        tmux.keys("Escape");
        waitFor(tmux, "Roster   done");
        tmux.keys("Enter");
        waitFor(tmux, "CORE ACCOUNT ID");
        tmux.keys("Escape");
        waitFor(tmux, "Handout  done");
        tmux.keys("Enter");
        // The sample class has broken students on purpose: a warning, not a failure.
        waitFor(tmux, "Check    warned");
        tmux.keys("Enter");
        waitFor(tmux, "Activate done");
        tmux.keys("Enter");
        waitFor(tmux, "Hook     done");
        tmux.keys("Enter");
        waitFor(tmux, "LAST ERROR");
        waitFor(tmux, "ERROR    ");
        tmux.type("?");
        waitFor(tmux, "EVERY VIEW");
        tmux.keys("Escape");
        waitFor(tmux, "LAST ERROR");
        tmux.keys("C-z");
        waitFor(tmux, "faults only");
        tmux.keys("C-z");
        tmux.keys("Enter");
        waitFor(tmux, "last 30 minutes");
        tmux.keys("Escape");
        waitFor(tmux, "LAST ERROR");
        tmux.type("/state:err");
        tmux.keys("Enter");
        waitFor(tmux, "filter: state:err");
        // Polled: one capture can fall between the clear and the redraw of a refresh.
        await().atMost(STEP)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () ->
                                assertThat(tmux.screen())
                                        .contains("\u2716 ERROR")
                                        .contains("LAST ERROR")
                                        .doesNotContain("\u25cf OK")
                                        .doesNotContain("\u25b2 LAG"));
        tmux.resize(80, 24);
        String small = waitFor(tmux, "<q> quit");
        assertThat(small.lines())
                .hasSizeLessThanOrEqualTo(24)
                .allSatisfy(
                        line ->
                                assertThat(line.codePointCount(0, line.length()))
                                        .isLessThanOrEqualTo(80));
        assertThat(small.lines().findFirst().orElse("")).contains("fanout | Dashboard");
        // Polled: one capture can fall between the clear and the redraw of a refresh.
        await().atMost(STEP)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () ->
                                assertThat(tmux.screenWithEscapes())
                                        .as("real colour escapes")
                                        .contains(ORANGE));
        tmux.type("q");
        String after = waitFor(tmux, "EXIT=");
        assertThat(after).contains("EXIT=0").doesNotContain("fanout | Dashboard");
    }

    private String waitFor(Tmux tmux, String text) {
        String[] last = {""};
        await().atMost(STEP)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(
                        () -> {
                            last[0] = tmux.screen();
                            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last[0])) {
                                seen.add(last[0]);
                            }
                            return last[0].contains(text);
                        });
        return last[0];
    }

    private void keepScreens() throws IOException {
        Path directory = Path.of("target", "tui-e2e");
        Files.createDirectories(directory);
        for (int i = 0; i < seen.size(); i++) {
            Files.writeString(
                    directory.resolve(String.format("screen-%03d.txt", i)),
                    seen.get(i),
                    StandardCharsets.UTF_8);
        }
    }
}
