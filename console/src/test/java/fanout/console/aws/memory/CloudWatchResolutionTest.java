package fanout.console.aws.memory;

import static fanout.console.aws.memory.CloudWatchData.T0;
import static fanout.console.aws.memory.CloudWatchData.count;
import static fanout.console.aws.memory.CloudWatchData.highResolution;
import static fanout.console.aws.memory.CloudWatchData.query;
import static fanout.console.aws.memory.CloudWatchData.read;
import static fanout.console.aws.memory.CloudWatchData.withPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * What the in-memory CloudWatch keeps at which resolution, for how long, and which periods read it:
 * high-resolution seconds for three hours, then minutes, then nothing after the retention.
 */
class CloudWatchResolutionTest extends CloudWatchData {
    /** A CloudWatch whose clock stands at {@code now}. */
    private static InMemoryCloudWatch at(Instant now) {
        return new InMemoryCloudWatch(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void dataOlderThanTheRetentionIsDropped() {
        Instant old = T0.minus(java.time.Duration.ofMinutes(MetricStore.RETENTION_MINUTES + 1));
        put(count("Delivered", 1, old), count("Delivered", 2, T0));
        GetMetricDataResponse response =
                cloudWatch.getMetricData(
                        GetMetricDataRequest.builder()
                                .startTime(old.minusSeconds(60))
                                .endTime(T0.plusSeconds(60))
                                .metricDataQueries(query("d", "Delivered", "Sum"))
                                .build());
        assertThat(response.metricDataResults().get(0).values()).containsExactly(2.0);
    }

    @Test
    void aHighResolutionPeriodReadsRecentDataButReturnsNothingForDataOlderThanThreeHours() {
        Instant now = T0.plus(java.time.Duration.ofHours(4));
        InMemoryCloudWatch later = at(now);
        put(
                later,
                highResolution("Delivered", 5, T0.plusSeconds(10)),
                highResolution("Delivered", 2, now.minusSeconds(120)));

        assertThat(read(later, now.minusSeconds(600), now, 10).values()).containsExactly(2.0);
        assertThat(read(later, T0, now, 10).values())
                .as("older than 3 h: only multiples of 60")
                .isEmpty();
        assertThat(read(later, T0, now, 60).values()).containsExactly(5.0, 2.0);
    }

    @Test
    void highResolutionDataIsReadPerTenSecondsAndStillAddsUpPerMinute() {
        put(
                highResolution("Delivered", 1, T0.plusSeconds(1)),
                highResolution("Delivered", 2, T0.plusSeconds(9)),
                highResolution("Delivered", 4, T0.plusSeconds(10)),
                highResolution("Delivered", 8, T0.plusSeconds(29)));

        MetricDataResult tens = read(cloudWatch, T0, T0.plusSeconds(60), 10);
        assertThat(tens.timestamps()).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20));
        assertThat(tens.values()).containsExactly(3.0, 4.0, 8.0);
        assertThat(read(cloudWatch, T0, T0.plusSeconds(60), 60).values()).containsExactly(15.0);
    }

    @Test
    void aTenSecondPeriodOnStandardResolutionDataReturnsNothing() {
        put(count("Delivered", 5, T0.plusSeconds(10)));

        assertThat(read(cloudWatch, T0, T0.plusSeconds(60), 10).values())
                .as("standard data has no sub-minute detail")
                .isEmpty();
        assertThat(read(cloudWatch, T0, T0.plusSeconds(60), 60).values()).containsExactly(5.0);
    }

    @Test
    void highResolutionDataOlderThanThreeHoursIsRolledUpIntoMinutes() {
        Instant now = T0.plus(java.time.Duration.ofHours(3)).plusSeconds(120);
        InMemoryCloudWatch later = at(now);
        put(
                later,
                highResolution("Delivered", 5, T0.plusSeconds(10)),
                highResolution("Delivered", 3, T0.plusSeconds(40)));

        assertThat(read(later, T0, now, 60).values()).containsExactly(8.0);
        assertThat(read(later, T0, now, 10).values()).isEmpty();
    }

    @Test
    void aStorageResolutionOtherThanOneOrSixtyIsRefused() {
        assertThatThrownBy(
                        () ->
                                put(
                                        count("Delivered", 1, T0).toBuilder()
                                                .storageResolution(10)
                                                .build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("StorageResolution");
    }

    @Test
    void aPeriodCloudWatchDoesNotOfferIsRefused() {
        for (int period : new int[] {0, 7, 45, 90}) {
            assertThatThrownBy(() -> get(null, withPeriod(query("d", "Delivered", "Sum"), period)))
                    .isInstanceOf(CloudWatchException.class)
                    .hasMessageContaining("Period");
        }
    }

    @Test
    void periodsMustFitTheAgeOfTheDataAsCloudWatchKeepsIt() {
        assertThat(MetricDataReader.periodFitsAge(60, java.time.Duration.ofDays(14))).isTrue();
        assertThat(MetricDataReader.periodFitsAge(60, java.time.Duration.ofDays(16))).isFalse();
        assertThat(MetricDataReader.periodFitsAge(300, java.time.Duration.ofDays(16))).isTrue();
        assertThat(MetricDataReader.periodFitsAge(300, java.time.Duration.ofDays(64))).isFalse();
        assertThat(MetricDataReader.periodFitsAge(3600, java.time.Duration.ofDays(64))).isTrue();
    }
}
