package fanout.console.tui;

import fanout.console.tui.dashboard.DashboardPorts;
import fanout.console.tui.dashboard.DashboardView;
import fanout.console.tui.dashboard.FixCopy;
import fanout.console.tui.dashboard.ProjectorView;
import fanout.console.tui.handout.HandoutView;
import fanout.console.tui.log.LogView;
import fanout.console.tui.roster.RosterView;
import fanout.console.tui.setup.ConnectView;
import fanout.console.tui.setup.SetupView;

/** The one registry of the console's views, by the names {@code :} accepts. */
public final class Views {
    /** The names {@code --view} and {@code :} accept. */
    public static final java.util.List<String> NAMES =
            java.util.List.of(
                    "connect", "setup", "roster", "handout", "dashboard", "projector", "log");

    private Views() {}

    public static ViewRegistry standard(ConsolePorts ports, ConsoleOptions options) {
        return new ViewRegistry()
                .add(
                        "connect",
                        "account, region and identity",
                        context -> new ConnectView(context, ports.connection()))
                .add(
                        "setup",
                        "the setup checklist",
                        context -> new SetupView(context, ports.setup()))
                .add(
                        "roster",
                        "import the class roster",
                        context ->
                                new RosterView(context, ports.roster(), ports.workingDirectory()))
                .add(
                        "handout",
                        "what students need",
                        context -> new HandoutView(context, ports.handout()))
                .add(
                        "dashboard",
                        "live status of every destination",
                        context ->
                                new DashboardView(
                                        context,
                                        new DashboardPorts(
                                                ports.status(),
                                                ports.bulk(),
                                                FixCopy.standard(ports.workingDirectory())),
                                        options.refresh()))
                .add(
                        "projector",
                        "large read-only tiles for the room, no names",
                        context ->
                                new ProjectorView(context, ports.status(), options.refresh(), null))
                .add("log", "every AWS call made", LogView::new);
    }
}
