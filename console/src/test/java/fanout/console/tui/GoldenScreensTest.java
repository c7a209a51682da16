package fanout.console.tui;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.SampleClassStatus;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole screens at the minimum size and a large one, compared with files under golden/. The
 * dashboard's rows come from the real status service over in-memory AWS ({@link
 * SampleClassStatus}), so a change in status logic shows here.
 */
class GoldenScreensTest {

    private static ConsoleHarness harness(String view, int columns, int rows) {
        return new ConsoleHarness(
                columns,
                rows,
                ConsoleOptions.defaults(true).withFirstView(view),
                Palette.colour(),
                Path.of("."));
    }

    /** The dashboard, refreshed once the feed answers with the sample class. */
    private static ConsoleHarness sampleDashboard(int columns, int rows) {
        ConsoleHarness harness = harness("dashboard", columns, rows);
        harness.status.next = SampleClassStatus.at(Fakes.NOW);
        return harness.type("r");
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void dashboard(int columns, int rows) {
        Golden.assertMatches(
                "dashboard-" + columns + "x" + rows, sampleDashboard(columns, rows).text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void dashboardDetail(int columns, int rows) {
        Golden.assertMatches(
                "detail-" + columns + "x" + rows,
                sampleDashboard(columns, rows).press(KeyType.Enter).text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void setupAfterDeploy(int columns, int rows) {
        Golden.assertMatches(
                "setup-" + columns + "x" + rows,
                harness("setup", columns, rows).press(KeyType.Enter).text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void connect(int columns, int rows) {
        Golden.assertMatches(
                "connect-" + columns + "x" + rows, harness("connect", columns, rows).text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void handout(int columns, int rows) {
        Golden.assertMatches(
                "handout-" + columns + "x" + rows, harness("handout", columns, rows).text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void help(int columns, int rows) {
        Golden.assertMatches(
                "help-" + columns + "x" + rows, sampleDashboard(columns, rows).type("?").text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void projector(int columns, int rows) {
        Golden.assertMatches(
                "projector-" + columns + "x" + rows,
                sampleDashboard(columns, rows).type("P").text());
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void dashboardWithAClassBanner(int columns, int rows) {
        ConsoleHarness harness = harness("dashboard", columns, rows);
        harness.status.next = SampleClassStatus.backlogAt(Fakes.NOW);
        Golden.assertMatches("dashboard-banner-" + columns + "x" + rows, harness.type("r").text());
    }
}
