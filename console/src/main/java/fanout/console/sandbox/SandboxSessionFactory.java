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
public final class SandboxSessionFactory implements SessionFactory {
    private final WorkshopCatalog workshops;
    private final AwsClients clients;
    private final Clock clock;

    public SandboxSessionFactory(WorkshopCatalog workshops, AwsClients clients, Clock clock) {
        this.workshops = Objects.requireNonNull(workshops, "workshops");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Session open(GlobalOptions options) {
        return new Session(options, workshops.load(options.workshop()), clients, clock, true);
    }
}
