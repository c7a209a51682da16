package fanout.console.tui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Palette;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectViewTest {

    @Test
    void aLongProblemAndItsFixWrapInsteadOfRunningOffTheScreen() {
        String what =
                "cannot tell who you are: no AWS credentials found (environment, profiles, SSO, web"
                        + " identity, container and instance metadata were tried)";
        String fix =
                "set AWS_PROFILE or run `aws configure` (or try `fanout sandbox` to rehearse locally)";
        ConnectionProbe probe =
                () ->
                        new Connection(
                                null,
                                "us-west-2",
                                null,
                                false,
                                "hello-retail",
                                "fanout",
                                List.of(new Connection.Problem(what, fix)));

        ConsoleHarness harness =
                new ConsoleHarness(
                        80,
                        24,
                        ConsoleOptions.defaults(false).withFirstView("connect"),
                        Palette.colour(),
                        Path.of("."),
                        probe);
        harness.finishBackground();

        String screen = harness.text().replaceAll("\\s+", " ");
        assertThat(screen).contains(what).contains("fix: " + fix);
        for (int row = 0; row < 24; row++) {
            assertThat(harness.row(row).stripTrailing().length()).isLessThanOrEqualTo(80);
        }
    }
}
