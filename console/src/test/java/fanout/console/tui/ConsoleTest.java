package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import fanout.console.aws.AwsCall;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void theConnectViewShowsWhoWeAreAndTheSandboxBadge() {
        ConsoleHarness harness =
                new ConsoleHarness(
                        80, 24, ConsoleOptions.defaults(true), Palette.colour(), Path.of("."));
        String screen = harness.text();
        assertThat(screen)
                .contains("SANDBOX")
                .contains("account    123456789012")
                .contains("region     us-west-2");
        assertThat(harness.row(0)).contains("fanout | Connect").endsWith("[SANDBOX]");
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Setup checklist");
    }

    @Test
    void questionMarkShowsHelpGeneratedFromTheViewsKeysAndClosesAgain() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("?");
        String help = harness.text();
        assertThat(help)
                .contains("DASHBOARD")
                .contains("ctrl-z     show only faults (ERROR, LAG), or everything");
        assertThat(help)
                .contains(
                        "d          deactivate the marked destinations (asks you to type a word)");
        // 80x24 cannot show it all: the last row says how much is below, and down scrolls to it.
        assertThat(help).containsPattern("\u2193 \\d+ more lines \\(down, up scroll\\)");
        for (int i = 0; i < 12; i++) {
            harness.press(com.googlecode.lanterna.input.KeyType.ArrowDown);
        }
        assertThat(harness.text())
                .contains("EVERY VIEW")
                .contains(":          jump to a view by name");
        harness.type("?");
        assertThat(harness.console.top().title()).isEqualTo("Dashboard");
    }

    @Test
    void colonJumpsToAViewWithTabCompletionAndEscGoesBack() {
        ConsoleHarness harness = ConsoleHarness.open("connect");
        harness.type(":dash").press(KeyType.Tab);
        assertThat(harness.text()).contains(":dashboard_");
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Dashboard");
        harness.press(KeyType.Escape);
        assertThat(harness.console.top().title()).isEqualTo("Connect");
        harness.type(":nope").press(KeyType.Enter);
        assertThat(harness.text())
                .contains(
                        "no view nope; views: connect, setup, roster, handout, dashboard, projector,"
                                + " log");
    }

    @Test
    void atShowsTheCommandLogWithOutcomesAndDurations() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.log.record(
                new AwsCall(
                        Fakes.NOW,
                        "CloudWatch",
                        "GetMetricData",
                        "Throttling",
                        Duration.ofMillis(320)));
        harness.type("@");
        String screen = harness.text();
        assertThat(screen).contains("10:00:00  fanout     status snapshot            ok");
        assertThat(screen)
                .contains(
                        "10:00:00  CloudWatch GetMetricData              Throttling            320 ms");
    }

    @Test
    void qQuits() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.type("q");
        assertThat(harness.console.quitting()).isTrue();
    }

    @Test
    void noColorDrawsWithoutColourAndWithAsciiSymbols() {
        ConsoleHarness harness =
                new ConsoleHarness(
                        80,
                        24,
                        ConsoleOptions.defaults(false).withFirstView("dashboard"),
                        Palette.monochrome(),
                        Path.of("."));
        String screen = harness.text();
        assertThat(screen).contains("X ERROR").contains("+ OK").doesNotContain("\u2716");
        for (int row = 0; row < 24; row++) {
            for (int column = 0; column < 80; column++) {
                assertThat(harness.at(column, row).getForegroundColor())
                        .isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(screen).matches("(?s)\\p{ASCII}*");
    }

    @Test
    void aTooSmallTerminalGetsAMessageAndResizingBackRestoresTheView() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.resize(60, 20);
        assertThat(harness.row(0))
                .startsWith("fanout needs at least 80x24; this terminal is 60x20");
        harness.resize(80, 24);
        assertThat(harness.text()).contains("bob2");
    }

    @Test
    void aViewThatThrowsDoesNotTakeTheConsoleDown() {
        ConsoleHarness harness = ConsoleHarness.open("dashboard");
        harness.status.failure = new IllegalStateException("boom");
        harness.type("r");
        assertThat(harness.text()).contains("refresh failed").contains("boom");
        assertThat(harness.console.quitting()).isFalse();
    }

    @Test
    void theCommandLogKeepsOnlyTheNewestCalls() {
        CommandLog log = new CommandLog(2);
        for (int i = 0; i < 3; i++) {
            log.record(new AwsCall(Fakes.NOW, "s", "op" + i, "ok", Duration.ZERO));
        }
        assertThat(log.calls()).extracting(AwsCall::operation).containsExactly("op1", "op2");
    }
}
