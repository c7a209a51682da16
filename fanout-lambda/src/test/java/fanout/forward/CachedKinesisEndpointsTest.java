package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointParams;
import software.amazon.awssdk.services.kinesis.endpoints.KinesisEndpointProvider;

class CachedKinesisEndpointsTest {
    /** The SDK's own rules, counting how often they are evaluated. */
    private static final class CountingRules implements KinesisEndpointProvider {
        final AtomicInteger evaluated = new AtomicInteger();
        int failFirst;

        @Override
        public CompletableFuture<Endpoint> resolveEndpoint(KinesisEndpointParams params) {
            evaluated.incrementAndGet();
            if (failFirst > 0) {
                failFirst--;
                return CompletableFuture.failedFuture(
                        SdkClientException.create("rules unavailable"));
            }
            return KinesisEndpointProvider.defaultProvider().resolveEndpoint(params);
        }
    }

    private static KinesisEndpointParams putRecords(Region region, boolean fips) {
        return KinesisEndpointParams.builder()
                .region(region)
                .useFips(fips)
                .useDualStack(false)
                .operationType("data")
                .build();
    }

    private static String url(CompletableFuture<Endpoint> endpoint) {
        return endpoint.join().url().toString();
    }

    @Test
    void aRegionsEndpointIsWorkedOutOnceAndAnsweredAlikeForEveryLaterCall() {
        CountingRules rules = new CountingRules();
        CachedKinesisEndpoints cached = new CachedKinesisEndpoints(rules);

        String first = url(cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false)));
        String second = url(cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false)));
        String third = url(cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false)));

        assertThat(first).isEqualTo("https://kinesis.eu-west-1.amazonaws.com");
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(rules.evaluated).hasValue(1);
    }

    @Test
    void anotherRegionOrFipsIsWorkedOutApartAndGetsItsOwnEndpoint() {
        CountingRules rules = new CountingRules();
        CachedKinesisEndpoints cached = new CachedKinesisEndpoints(rules);

        String ireland = url(cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false)));
        String virginia = url(cached.resolveEndpoint(putRecords(Region.US_EAST_1, false)));
        String fips = url(cached.resolveEndpoint(putRecords(Region.US_EAST_1, true)));

        assertThat(ireland).contains("eu-west-1");
        assertThat(virginia).isEqualTo("https://kinesis.us-east-1.amazonaws.com");
        assertThat(fips).isEqualTo("https://kinesis-fips.us-east-1.amazonaws.com");
        assertThat(rules.evaluated).hasValue(3);
    }

    @Test
    void aFailedEvaluationIsNotKeptSoTheNextCallEvaluatesAgain() {
        CountingRules rules = new CountingRules();
        rules.failFirst = 1;
        CachedKinesisEndpoints cached = new CachedKinesisEndpoints(rules);

        CompletableFuture<Endpoint> failed =
                cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false));
        String later = url(cached.resolveEndpoint(putRecords(Region.EU_WEST_1, false)));

        assertThat(failed).isCompletedExceptionally();
        assertThat(later).isEqualTo("https://kinesis.eu-west-1.amazonaws.com");
        assertThat(rules.evaluated).hasValue(2);
    }
}
