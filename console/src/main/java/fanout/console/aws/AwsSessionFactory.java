package fanout.console.aws;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.SessionFactory;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import java.time.Clock;

/**
 * Sessions against real AWS. The region is {@code --region}, else the environment's, else the
 * profile's, else the workshop's (see {@link RegionChain}).
 */
public final class AwsSessionFactory implements SessionFactory {
    private final WorkshopCatalog workshops;
    private final Clock clock;
    private final RegionChain regions;

    public AwsSessionFactory(WorkshopCatalog workshops, Clock clock) {
        this(workshops, clock, RegionChain.system());
    }

    public AwsSessionFactory(WorkshopCatalog workshops, Clock clock, RegionChain regions) {
        this.workshops = workshops;
        this.clock = clock;
        this.regions = regions;
    }

    @Override
    public Session open(GlobalOptions options) {
        Workshop workshop = workshops.load(options.workshop());
        String region = regions.resolve(options.region(), options.profile(), workshop.region());
        return new Session(
                options, workshop, new SdkAwsClients(region, options.profile()), clock, false);
    }
}
