package fanout.console.sandbox;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.SessionFactory;
import fanout.console.aws.AwsClients;
import fanout.console.workshop.WorkshopCatalog;
import java.time.Clock;
import java.util.Objects;

/**
 * Sessions against the running sandbox: the leader's simulated account, in the sandbox's region.
 */
public record SandboxSessionFactory(WorkshopCatalog workshops, AwsClients clients, Clock clock)
        implements SessionFactory {

    public SandboxSessionFactory {
        Objects.requireNonNull(workshops, "workshops");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Session open(GlobalOptions options) {
        return new Session(options, workshops.load(options.workshop()), clients, clock, true);
    }
}
