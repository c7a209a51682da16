package fanout.console.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class RegionChainTest {
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> profiles =
            new HashMap<>(Map.of("default", "eu-west-1", "class", "ap-southeast-2"));
    private final RegionChain chain =
            new RegionChain(
                    environment::get,
                    properties::get,
                    profile -> Optional.ofNullable(profiles.get(profile)));

    private String resolve(Optional<String> flag, Optional<String> profile) {
        return chain.resolve(flag, profile, "us-west-2");
    }

    @Test
    void awsRegionComesBeforeTheProfilesRegionEvenWithProfile() {
        environment.put("AWS_REGION", "eu-central-1");

        assertThat(resolve(Optional.empty(), Optional.of("class"))).isEqualTo("eu-central-1");
        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("eu-central-1");
    }

    @Test
    void awsDefaultRegionIsUsedWhenAwsRegionIsNotSet() {
        environment.put("AWS_DEFAULT_REGION", "ca-central-1");
        environment.put("AWS_PROFILE", "class");

        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("ca-central-1");
        environment.put("AWS_REGION", "sa-east-1");
        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("sa-east-1");
    }

    @Test
    void theRegionFlagComesFirstOfAll() {
        environment.put("AWS_REGION", "eu-central-1");
        properties.put("aws.region", "eu-north-1");

        assertThat(resolve(Optional.of("cn-north-1"), Optional.of("class")))
                .isEqualTo("cn-north-1");
        assertThat(resolve(Optional.empty(), Optional.empty()))
                .as("the system property before the environment, as the SDK")
                .isEqualTo("eu-north-1");
    }

    @Test
    void withoutEnvironmentTheNamedOrCurrentProfilesRegionApplies() {
        assertThat(resolve(Optional.empty(), Optional.of("class"))).isEqualTo("ap-southeast-2");
        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("eu-west-1");
        environment.put("AWS_PROFILE", "class");
        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("ap-southeast-2");
        environment.put("AWS_REGION", " ");
        assertThat(resolve(Optional.empty(), Optional.empty()))
                .as("a blank variable counts as unset")
                .isEqualTo("ap-southeast-2");
    }

    @Test
    void withNothingConfiguredTheWorkshopsRegionApplies() {
        profiles.clear();

        assertThat(resolve(Optional.empty(), Optional.empty())).isEqualTo("us-west-2");
    }

    @Test
    void iamIsCalledAtTheGlobalEndpointOfTheRegionsPartition() {
        assertThat(SdkAwsClients.iamRegion(Region.of("us-west-2"))).isEqualTo(Region.AWS_GLOBAL);
        assertThat(SdkAwsClients.iamRegion(Region.of("cn-north-1")))
                .isEqualTo(Region.AWS_CN_GLOBAL);
        assertThat(SdkAwsClients.iamRegion(Region.of("us-gov-west-1")))
                .isEqualTo(Region.AWS_US_GOV_GLOBAL);
    }
}
