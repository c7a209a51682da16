package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * States follow the latest complete 10 s of the forwarder's high-resolution metrics, read through
 * the real GetMetricData reader from the strict in-memory CloudWatch: a student who breaks or is
 * fixed shows it within seconds, not after the next whole minute.
 */
class RecentStateTest {
    static final Instant MINUTE = Instant.parse("2026-11-25T10:00:00Z");
    static final String SOURCE = StatusFoldTest.SOURCE;
    static final Duration WINDOW = Duration.ofMinutes(5);

    final Map<String, LastError> errors = new HashMap<>();

    /** What the forwarder publishes after one invocation at {@code at}. */
    static void invocation(
            InMemoryCloudWatch cloudWatch, Instant at, long delivered, long failed, Integer res) {
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        datum("RecordsIn", null, 10, at, res),
                                        datum("Delivered", "ab12", delivered, at, res),
                                        datum("Failed", "ab12", failed, at, res)));
    }

    static MetricDatum datum(String name, String target, double value, Instant at, Integer res) {
        MetricDatum.Builder datum =
                MetricDatum.builder()
                        .metricName(name)
                        .value(value)
                        .timestamp(at)
                        .storageResolution(res);
        return target == null
                ? datum.dimensions(
                                d -> d.name("FunctionName").value("fanout"),
                                d -> d.name("SourceStream").value("coreRetailStream"))
                        .build()
                : datum.dimensions(
                                d -> d.name("FunctionName").value("fanout"),
                                d -> d.name("SourceStream").value("coreRetailStream"),
                                d -> d.name("Target").value(target))
                        .build();
    }

    DestinationStatus row(InMemoryCloudWatch cloudWatch, Instant now) {
        Instant end = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
        MetricsRequest request =
                new MetricsRequest(
                        "Fanout",
                        "fanout",
                        "coreRetailStream",
                        List.of("ab12"),
                        end.minus(WINDOW),
                        end);
        MetricsReport report = new CloudWatchMetricsSource(cloudWatch).read(request);
        Mapping ab12 = StatusFoldTest.student("ab12");
        return StatusFold.fold(
                        List.of(ab12),
                        errors,
                        Map.of(),
                        report,
                        StatusFoldTest.FUNCTION,
                        Duration.ofSeconds(60),
                        now,
                        request.start(),
                        "us-west-2")
                .rows()
                .get(0);
    }

    static InMemoryCloudWatch cloudWatchAt(Instant now) {
        return new InMemoryCloudWatch(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aStudentWhoBreaksIsErrorOnceTheNextTenSecondsAreCompleteThoughTheMinuteDelivered() {
        Instant now = MINUTE.plusSeconds(36);
        InMemoryCloudWatch cloudWatch = cloudWatchAt(now);
        invocation(cloudWatch, MINUTE.minusSeconds(30), 10, 0, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(5), 10, 0, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(15), 10, 0, 1);
        // The stream is deleted at :21; the next invocation's entries all fail.
        invocation(cloudWatch, MINUTE.plusSeconds(25), 0, 10, 1);

        DestinationStatus row = row(cloudWatch, now);

        assertThat(row.state()).isEqualTo(DestinationState.ERROR);
        assertThat(row.reason()).contains("in the last 10 s");
    }

    @Test
    void aFixedStudentIsOkAsSoonAsOneCompleteTenSecondsDeliveredWithoutFailures() {
        Instant now = MINUTE.plusSeconds(36);
        InMemoryCloudWatch cloudWatch = cloudWatchAt(now);
        invocation(cloudWatch, MINUTE.minusSeconds(30), 0, 10, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(5), 0, 10, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(15), 0, 10, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(25), 10, 0, 1);
        errors.put(
                "ab12",
                StatusFoldTest.error("ab12", "ResourceNotFoundException", MINUTE.plusSeconds(15)));

        assertThat(row(cloudWatch, now).state()).isEqualTo(DestinationState.OK);
    }

    @Test
    void theTenSecondsStillBeingFilledDoNotCountYet() {
        // At :34 the period :20-:30 ended only 4 s ago: CloudWatch may not show all of it yet.
        Instant now = MINUTE.plusSeconds(34);
        InMemoryCloudWatch cloudWatch = cloudWatchAt(now);
        invocation(cloudWatch, MINUTE.minusSeconds(30), 10, 0, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(15), 10, 0, 1);
        invocation(cloudWatch, MINUTE.plusSeconds(25), 0, 10, 1);

        assertThat(row(cloudWatch, now).state()).isEqualTo(DestinationState.OK);
        assertThat(
                        new RecentSamples(
                                        Duration.ofSeconds(10), Map.of(), new java.util.TreeMap<>())
                                .completeAt(now))
                .isEqualTo(MINUTE.plusSeconds(10));
    }
}
