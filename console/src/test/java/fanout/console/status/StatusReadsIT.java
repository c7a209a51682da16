package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.status.StatusFakes.ThrottlingCloudWatch;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How status reads AWS: a throttled GetMetricData, every query page, a minute-by-minute history */
class StatusReadsIT extends LocalStatus {
    @Test
    void aThrottledGetMetricDataIsAProblemAndTheMappingsAreStillShown() {
        mapping(SOURCE, "ab12", true, NOW.minus(Duration.ofHours(1)));
        lastError("ab12", "ResourceNotFound", "Stream ab12Stream not found", NOW.minusSeconds(30));
        ThrottlingCloudWatch throttling = new ThrottlingCloudWatch();
        StatusSnapshot snapshot =
                service(throttling).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(throttling.calls).isEqualTo(1);
        assertThat(snapshot.problems())
                .singleElement()
                .asString()
                .contains("cloudwatch:GetMetricData")
                .contains("Throttling")
                .contains("AWS is throttling requests");
        assertThat(snapshot.destinations())
                .singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DestinationState.ERROR))
                .satisfies(d -> assertThat(d.lastError()).contains("not found"));
        assertThat(snapshot.missing()).isEmpty();
    }

    @Test
    void everyQueryPageOfTheTargetsTableIsRead() {
        String padding = "x".repeat(40_000);
        for (int i = 0; i < 30; i++) {
            String id = String.format("p%03d", i);
            Map<String, AttributeValue> item =
                    new HashMap<>(
                            MappingCodec.toItem(
                                    Mapping.kinesis(SOURCE, id, id + "Stream").withActive(true)));
            item.put("notes", AttributeValue.fromS(padding));
            dynamo.putItem(b -> b.tableName(targets).item(item));
        }
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.destinations()).hasSize(30);
    }

    @Test
    void historyHasOneSampleForEveryMinuteOfTheSpan() {
        target("ab12", "Delivered", 5, NOW.minusSeconds(600));
        target("ab12", "Failed", 2, NOW.minusSeconds(600));
        target("ab12", "Throttled", 3, NOW.minusSeconds(60));
        DestinationHistory history =
                service(cloudWatch).history(SOURCE, "ab12", Duration.ofMinutes(30));
        assertThat(history.minutes()).hasSize(30);
        assertThat(history.end()).isEqualTo(Instant.parse("2026-11-25T10:01:00Z"));
        assertThat(history.minutes().get(0).minute())
                .isEqualTo(Instant.parse("2026-11-25T09:31:00Z"));
        MinuteSample tenMinutesAgo = history.minutes().get(19);
        assertThat(tenMinutesAgo.minute()).isEqualTo(Instant.parse("2026-11-25T09:50:00Z"));
        assertThat(tenMinutesAgo.delivered()).isEqualTo(5);
        assertThat(tenMinutesAgo.failed()).isEqualTo(2);
        assertThat(history.minutes().get(28).throttled()).isEqualTo(3);
        assertThat(history.minutes().get(29).delivered()).isZero();
        assertThat(history.problems()).isEmpty();
    }
}
