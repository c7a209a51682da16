package fanout.console.tui;

import fanout.console.tui.dashboard.BulkActions;
import fanout.console.tui.dashboard.StatusFeed;
import fanout.console.tui.handout.HandoutSource;
import fanout.console.tui.roster.RosterImport;
import fanout.console.tui.setup.ConnectionProbe;
import fanout.console.tui.setup.SetupSteps;
import java.nio.file.Path;
import java.util.Objects;
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
        Objects.requireNonNull(connection, "connection port is required");
        Objects.requireNonNull(setup, "setup port is required");
        Objects.requireNonNull(roster, "roster port is required");
        Objects.requireNonNull(handout, "handout port is required");
        Objects.requireNonNull(status, "status port is required");
        Objects.requireNonNull(bulk, "bulk actions port is required");
        Objects.requireNonNull(workingDirectory, "working directory is required");
        Objects.requireNonNull(problems, "a way to explain failed calls is required");
    }
}
