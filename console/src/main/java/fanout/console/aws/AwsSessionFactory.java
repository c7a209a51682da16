package fanout.console.aws;

import fanout.console.Session;
import fanout.console.SessionFactory;
import fanout.console.cli.GlobalOptions;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Sessions against real AWS. The region is {@code --region}, else the environment's or profile's,
 * else the workshop's.
 */
public final class AwsSessionFactory implements SessionFactory {
    private final WorkshopCatalog workshops;
    private final Clock clock;

    public AwsSessionFactory(WorkshopCatalog workshops, Clock clock) {
        this.workshops = workshops;
        this.clock = clock;
    }

    @Override
    public Session open(GlobalOptions options) {
        Workshop workshop = workshops.load(options.workshop());
        String region =
                options.region()
                        .or(() -> configuredRegion(options.profile()))
                        .orElse(workshop.region());
        return new Session(
                options, workshop, new SdkAwsClients(region, options.profile()), clock, false);
    }

    private static Optional<String> configuredRegion(Optional<String> profile) {
        Optional<String> fromEnvironment =
                Optional.ofNullable(System.getenv("AWS_REGION"))
                        .or(() -> Optional.ofNullable(System.getenv("AWS_DEFAULT_REGION")))
                        .filter(value -> !value.isBlank());
        if (fromEnvironment.isPresent() && profile.isEmpty()) {
            return fromEnvironment;
        }
        String name =
                profile.orElseGet(
                        () -> Optional.ofNullable(System.getenv("AWS_PROFILE")).orElse("default"));
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(name)
                    .flatMap(p -> p.property("region"));
        } catch (RuntimeException e) {
            // An unreadable or missing config file means no configured region: the workshop's
            // default applies.
            return fromEnvironment;
        }
    }
}
