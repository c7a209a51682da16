package fanout.console.aws;

import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where a session's region comes from, in the order of the SDK's DefaultAwsRegionProviderChain:
 * {@code --region}, then the {@code aws.region} system property, {@code AWS_REGION} and {@code
 * AWS_DEFAULT_REGION} (the CLI's name, which leaders set too), then the profile's {@code region}
 * ({@code --profile}, else {@code AWS_PROFILE}, else {@code default}), else the workshop's.
 *
 * @param environment reads an environment variable (null when unset)
 * @param systemProperty reads a JVM system property (null when unset)
 * @param profileRegion the {@code region} of a named profile in the AWS config file
 */
public record RegionChain(
        Function<String, String> environment,
        Function<String, String> systemProperty,
        Function<String, Optional<String>> profileRegion) {

    /** The process's environment, system properties and AWS config file. */
    public static RegionChain system() {
        return new RegionChain(System::getenv, System::getProperty, RegionChain::fromConfigFile);
    }

    /**
     * @param flag {@code --region}
     * @param profile {@code --profile}
     * @param fallback the workshop's region
     */
    public String resolve(Optional<String> flag, Optional<String> profile, String fallback) {
        return flag.filter(RegionChain::present)
                .or(
                        () ->
                                Optional.ofNullable(systemProperty.apply("aws.region"))
                                        .filter(RegionChain::present))
                .or(() -> variable("AWS_REGION"))
                .or(() -> variable("AWS_DEFAULT_REGION"))
                .or(
                        () ->
                                profileRegion.apply(
                                        profile.orElseGet(
                                                () -> variable("AWS_PROFILE").orElse("default"))))
                .filter(RegionChain::present)
                .map(String::trim)
                .orElse(fallback);
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(RegionChain::present);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<String> fromConfigFile(String profile) {
        try {
            return ProfileFile.defaultProfileFile()
                    .profile(profile)
                    .flatMap(p -> p.property("region"));
        } catch (RuntimeException e) {
            // An unreadable or missing config file means no configured region: the next source
            // (the workshop's default) applies.
            return Optional.empty();
        }
    }
}
