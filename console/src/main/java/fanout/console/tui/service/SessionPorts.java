package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.StsIdentitySource;
import fanout.console.tui.ConsolePorts;
import fanout.localaws.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Wires the console's ports to the real services of a session (AWS or the sandbox). */
public final class SessionPorts {
    /** Where the handout is written for copying, relative to the working directory. */
    public static final String HANDOUT_FILE = ".fanout/handout.txt";

    private SessionPorts() {}

    public static ConsolePorts from(Session session, Path workingDirectory) {
        Path handout = workingDirectory.resolve(HANDOUT_FILE);
        ServiceSetupSteps steps = new ServiceSetupSteps(session, handout);
        return new ConsolePorts(
                new SessionConnectionProbe(session, new StsIdentitySource(session.aws().sts())),
                steps,
                new ServiceRosterImport(session, sampleRoster(session)),
                new ServiceHandout(session, handout),
                new ServiceStatusFeed(session, workingDirectory),
                new ServiceBulkActions(session, steps, workingDirectory),
                workingDirectory,
                ServiceProblems::explain);
    }

    /** In the sandbox, the workshop's sample class is offered first. */
    static Optional<Path> sampleRoster(Session session) {
        if (!session.sandbox()) {
            return Optional.empty();
        }
        return LocalAws.findHome()
                .map(
                        home ->
                                home.resolve("workshops")
                                        .resolve(session.workshop().name())
                                        .resolve("rosters")
                                        .resolve("sample-class.csv"))
                .filter(Files::isRegularFile);
    }
}
