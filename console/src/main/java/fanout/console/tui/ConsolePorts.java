package fanout.console.tui;

import fanout.check.Required;
import fanout.console.tui.dashboard.BulkActions;
import fanout.console.tui.dashboard.StatusFeed;
import fanout.console.tui.handout.HandoutSource;
import fanout.console.tui.roster.RosterImport;
import fanout.console.tui.setup.ConnectionProbe;
import fanout.console.tui.setup.SetupSteps;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Everything the views need from the services, as small ports: the real adapters come from a
 * session ({@code SessionPorts}), tests hand in fakes. {@code problems} turns a port's failure into
 * what the views show.
 */
public record ConsolePorts(
        ConnectionProbe connection,
        SetupSteps setup,
        RosterImport roster,
        HandoutSource handout,
        StatusFeed status,
        BulkActions bulk,
        Path workingDirectory,
        Function<Throwable, Problem> problems) {

    public ConsolePorts {
        Required.all(
                "connection port, setup port, roster port, handout port, status port,"
                        + " bulk actions port, working directory, a way to explain failed calls",
                connection,
                setup,
                roster,
                handout,
                status,
                bulk,
                workingDirectory,
                problems);
    }
}
