package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** Every destination state comes out of real tables and metrics, worst first */
class StatusStatesIT extends LocalStatus {
    StatusSnapshot busyClass() {
        Instant longAgo = NOW.minus(Duration.ofHours(3));
        mapping(SOURCE, "ok01", true, longAgo);
        mapping(SOURCE, "er01", true, longAgo);
        mapping(SOURCE, "si01", true, longAgo);
        mapping(SOURCE, "wa01", true, NOW.minusSeconds(40));
        mapping(SOURCE, "of01", false, longAgo);
        mapping(SOURCE, "la01", true, longAgo);
        mapping(QUIET, "qu01", true, longAgo);
        metric(
                "Fanout",
                "RecordsIn",
                100,
                NOW.minusSeconds(120),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        target("ok01", "Delivered", 100, NOW.minusSeconds(120));
        target("er01", "Delivered", 60, NOW.minusSeconds(120));
        target("er01", "Failed", 40, NOW.minusSeconds(60));
        lastError(
                "er01",
                "AccessDenied",
                "not authorized to perform kinesis:PutRecords",
                NOW.minusSeconds(50));
        // In the last complete 10 s: a lag from earlier would be history, not LAG now.
        target("la01", "Delivered", 100, NOW.minusSeconds(20));
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("DeliveryLag")
                                                .dimensions(
                                                        d -> d.name("FunctionName").value("fanout"),
                                                        d ->
                                                                d.name("SourceStream")
                                                                        .value("coreRetailStream"),
                                                        d -> d.name("Target").value("la01"))
                                                .statisticValues(
                                                        StatisticSet.builder()
                                                                .sampleCount(100.0)
                                                                .sum(1e6)
                                                                .minimum(1000.0)
                                                                .maximum(95_000.0)
                                                                .build())
                                                .timestamp(NOW.minusSeconds(20))
                                                .storageResolution(1)
                                                .build()));
        return service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
    }

    @Test
    void everyStateComesOutEndToEndWorstFirst() {
        StatusSnapshot snapshot = busyClass();
        Map<String, DestinationStatus> byId = new HashMap<>();
        snapshot.destinations().forEach(d -> byId.put(d.id(), d));
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id)
                .containsExactly("er01", "si01", "la01", "wa01", "ok01", "of01");
        assertThat(byId.get("ok01").state()).isEqualTo(DestinationState.OK);
        assertThat(byId.get("ok01").delivered()).isEqualTo(100);
        // High-resolution data: the last delivery is known to its 10 s, not just its minute.
        assertThat(byId.get("ok01").lastDeliveryAt())
                .isEqualTo(Instant.parse("2026-11-25T09:58:30Z"));
        assertThat(byId.get("er01").state()).isEqualTo(DestinationState.ERROR);
        assertThat(byId.get("er01").failed()).isEqualTo(40);
        assertThat(byId.get("er01").lastError()).contains("kinesis:PutRecords");
        assertThat(byId.get("er01").lastErrorCode()).isEqualTo("AccessDenied");
        assertThat(byId.get("si01").state()).isEqualTo(DestinationState.ERROR);
        assertThat(byId.get("si01").reason())
                .isEqualTo("no deliveries while the source had 100 records");
        assertThat(byId.get("wa01").state()).isEqualTo(DestinationState.WAITING);
        assertThat(byId.get("wa01").firstDeliveryExpectedAt()).isEqualTo(NOW.plusSeconds(110));
        assertThat(byId.get("la01").state()).isEqualTo(DestinationState.LAG);
        assertThat(byId.get("la01").lagMs()).isEqualTo(95_000);
        assertThat(byId.get("of01").state()).isEqualTo(DestinationState.INACTIVE);
        assertThat(snapshot.account()).isEqualTo(StatusFakes.ACCOUNT);
        assertThat(snapshot.recordsIn()).isEqualTo(100);
        assertThat(snapshot.dataAsOf()).isEqualTo(Instant.parse("2026-11-25T10:00:10Z"));
        assertThat(snapshot.windowSeconds()).isEqualTo(300);
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.missing()).isEmpty();
        assertThat(snapshot.metricsPerRefresh()).isEqualTo(6 * 6 + 7);
        assertThat(snapshot.countsByState())
                .containsEntry(DestinationState.ERROR, 2)
                .containsEntry(DestinationState.IDLE, 0);
    }

    @Test
    void aQuietSourceMakesIdle() {
        busyClass();
        StatusSnapshot quiet =
                service(cloudWatch).snapshot(Optional.of(QUIET), Duration.ofMinutes(5));
        assertThat(quiet.destinations())
                .extracting(DestinationStatus::id, DestinationStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qu01", DestinationState.IDLE));
    }

    @Test
    void oneRefreshIsOneGetMetricDataCallForASmallClass() {
        busyClass();
        assertThat(cloudWatch.getMetricDataCalls()).isEqualTo(1);
    }

    @Test
    void theFunctionsNamespaceAndCacheTtlAreUsed() {
        lambda.environment.put("FANOUT_METRIC_NAMESPACE", "Class42");
        lambda.environment.put("FANOUT_MAPPING_CACHE_TTL_SECONDS", "60");
        mapping(SOURCE, "ab12", true, NOW.minusSeconds(160));
        mapping(SOURCE, "cd34", true, NOW.minus(Duration.ofHours(1)));
        metric(
                "Class42",
                "Delivered",
                7,
                NOW.minusSeconds(60),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream",
                "Target",
                "cd34");
        metric(
                "Class42",
                "RecordsIn",
                7,
                NOW.minusSeconds(60),
                "FunctionName",
                "fanout",
                "SourceStream",
                "coreRetailStream");
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        // 160 s after activation is past 30 s + 2 min, but within the function's 60 s + 2 min.
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id, DestinationStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ab12", DestinationState.WAITING),
                        org.assertj.core.groups.Tuple.tuple("cd34", DestinationState.OK));
    }

    @Test
    void aSelfRegisteredRowCarriesItsOriginIntoTheSnapshotAndTheJson() throws Exception {
        mapping(SOURCE, "ro01", true, NOW.minus(Duration.ofHours(1)));
        selfRegistered(SOURCE, "sl01", NOW.minus(Duration.ofHours(1)));
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        Map<String, DestinationStatus> byId = new HashMap<>();
        snapshot.destinations().forEach(d -> byId.put(d.id(), d));
        assertThat(byId.get("sl01").origin()).isEqualTo("selfreg");
        assertThat(byId.get("sl01").selfRegistered()).isTrue();
        assertThat(byId.get("ro01").origin()).isEqualTo("roster");
        assertThat(byId.get("ro01").selfRegistered()).isFalse();
        String json = fanout.console.cli.Output.JSON.writeValueAsString(snapshot);
        assertThat(json).contains("\"origin\":\"selfreg\"").contains("\"origin\":\"roster\"");
    }

    @Test
    void anInactiveFunctionIsSaidWithHowItComesBack() {
        mapping(SOURCE, "ab12", true, NOW.minus(Duration.ofHours(1)));
        lambda.conditions.add(new String[] {"Inactive", "Successful", "idle"});
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.functionState())
                .startsWith("Inactive: idle for a long time")
                .contains("`fanout roster check` reactivates it")
                .contains("cold start");
        assertThat(snapshot.problems()).contains("function fanout: " + snapshot.functionState());
        assertThat(lambda.configurationReads).as("Inactive is settled: no wait").isEqualTo(1);
    }

    @Test
    void aPendingFunctionIsReadOnceMoreAfterAShortWaitAndNothingIsSaidWhenItSettled() {
        mapping(SOURCE, "ab12", true, NOW.minus(Duration.ofHours(1)));
        lambda.conditions.add(new String[] {"Pending", "Successful", null});
        lambda.conditions.add(new String[] {"Active", "Successful", null});
        List<Duration> waits = new java.util.ArrayList<>();
        StatusSnapshot snapshot =
                service(cloudWatch)
                        .withSleeper(waits::add)
                        .snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(waits).containsExactly(StatusService.SETTLE_WAIT);
        assertThat(lambda.configurationReads).isEqualTo(2);
        assertThat(snapshot.functionState()).isNull();
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void aFunctionStillPendingAfterTheRetryIsSaidWithTheWait() {
        lambda.conditions.add(new String[] {"Pending", "Successful", null});
        StatusSnapshot snapshot =
                service(cloudWatch)
                        .withSleeper(d -> {})
                        .snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(lambda.configurationReads).isEqualTo(2);
        assertThat(snapshot.functionState())
                .isEqualTo("Pending: being created or updated; wait a few seconds");
    }

    @Test
    void aFailedUpdateIsSaidWithLambdasReasonAndTheRedeploy() {
        lambda.conditions.add(
                new String[] {
                    "Active", "Failed", "The role defined for the function cannot be assumed"
                });
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.functionState())
                .contains("The role defined for the function cannot be assumed")
                .endsWith("run `fanout deploy` again");
    }
}
