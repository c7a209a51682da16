package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.tui.ConsolePorts;
import java.nio.file.Path;

/** Wires the console's ports to the real services of a session. */
public final class SessionPorts {
    private SessionPorts() {}

    public static ConsolePorts from(Session session, Path workingDirectory) {
        MissingService setup = new MissingService("the deploy service");
        MissingService roster = new MissingService("the roster service");
        MissingService status = new MissingService("the status service");
        return new ConsolePorts(
                new StsConnectionProbe(session),
                setup,
                roster,
                setup,
                status,
                roster,
                workingDirectory);
    }
}
