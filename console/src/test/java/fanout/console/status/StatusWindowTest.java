package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.cli.ExitCodes;
import fanout.console.cli.Output;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeSts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/**
 * {@code status --since}: durations as people type them, and the metric periods each window reads.
 */
class StatusWindowTest extends StatusCommandFixture {
    @Test
    void aBadDurationIsAUsageErrorNamingTheFlag() {
        assertThat(cli.execute("status", "--since", "5 minutes")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--since").contains("90s, 5m, 1h");
    }

    @Test
    void aSinceThatIsNotADurationIsAUsageErrorNamingTheFlag() {
        for (String bad : List.of("0", "abc", "0m", "-5m")) {
            StringWriter errors = new StringWriter();
            cli.setErr(new PrintWriter(errors));

            assertThat(cli.execute("status", "--source-arn", SOURCE, "--since", bad))
                    .as(bad)
                    .isEqualTo(ExitCodes.USAGE);
            assertThat(errors.toString()).as(bad).contains("--since").contains(bad);
        }
    }

    @Test
    void durationsParseInTheUnitsPeopleType() {
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.format(Duration.ofMinutes(5))).isEqualTo("5m");
    }

    @Test
    void aWindowBeyondFifteenDaysReadsFiveMinutePeriodsAndSaysWhy() {
        List<GetMetricDataRequest> requests =
                statusRecordingReads("status", "--source-arn", SOURCE, "--since", "20d");

        assertThat(periods(requests)).containsExactly(300);
        assertThat(err.toString()).contains("--since 20d").contains("per 5 minutes");
    }

    @Test
    void theDefaultWindowReadsTheForwardersMetricsPerTenSecondsAndLambdasPerMinuteWithoutANote() {
        List<GetMetricDataRequest> requests =
                statusRecordingReads("status", "--source-arn", SOURCE);

        assertThat(periods(requests)).containsExactlyInAnyOrder(10, 60);
        assertThat(err.toString()).doesNotContain("--since");
    }

    @Test
    void aWindowLongerThanCloudWatchKeepsDataIsCappedAtFourHundredFiftyFiveDaysInHours()
            throws Exception {
        List<GetMetricDataRequest> requests =
                statusRecordingReads(
                        "status", "--source-arn", SOURCE, "--since", "600d", "--output", "json");

        assertThat(periods(requests)).containsExactly(3600);
        GetMetricDataRequest first = requests.get(0);
        assertThat(Duration.between(first.startTime(), first.endTime()))
                .isLessThanOrEqualTo(Duration.ofDays(455).plusMinutes(1));
        assertThat(Output.JSON.readTree(out.toString()).get("windowSeconds").asLong())
                .isEqualTo(Duration.ofDays(455).toSeconds());
        assertThat(err.toString()).contains("--since 600d").contains("455 days");
    }

    /** Runs status with a CloudWatch that records each GetMetricData request. */
    private List<GetMetricDataRequest> statusRecordingReads(String... args) {
        List<GetMetricDataRequest> requests = new ArrayList<>();
        CloudWatchClient recording =
                (CloudWatchClient)
                        java.lang.reflect.Proxy.newProxyInstance(
                                CloudWatchClient.class.getClassLoader(),
                                new Class<?>[] {CloudWatchClient.class},
                                (proxy, method, call) -> {
                                    if (call != null && call[0] instanceof GetMetricDataRequest r) {
                                        requests.add(r);
                                    }
                                    try {
                                        return method.invoke(cloudWatch, call);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
        CommandLine recordingCli = cliOn(new Clients(dynamo, lambda, new FakeSts(), recording));
        assertThat(recordingCli.execute(args)).as(err.toString()).isNotEqualTo(ExitCodes.USAGE);
        return requests;
    }

    private static List<Integer> periods(List<GetMetricDataRequest> requests) {
        return requests.stream()
                .flatMap(r -> r.metricDataQueries().stream())
                .map(q -> q.metricStat().period())
                .distinct()
                .toList();
    }
}
