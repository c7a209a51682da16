package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Output;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.state.LastError;
import fanout.state.StateTable;
import fanout.testing.FakeDynamo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StatusCommandTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:30Z");

    final Clock clock = StatusFakes.clockAt(NOW);
    final FakeDynamo dynamo =
            new FakeDynamo()
                    .table("fanoutTargets", TargetsTable.SOURCE_ARN, TargetsTable.ID)
                    .table("fanoutState", StateTable.PK, StateTable.SK)
                    .pageSize(1);
    final FakeLambda lambda = new FakeLambda();
    final InMemoryCloudWatch cloudWatch = new InMemoryCloudWatch(clock);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<Duration> slept = new ArrayList<>();
    CommandLine cli;
    StatusCommand status;

    @BeforeEach
    void classWithTwoStudents() {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "ab12", "ab12Stream")
                                .withActive(true)
                                .withPeople("Ada", null, "roster")
                                .withTimes(longAgo.toString(), longAgo.toString(), 1)));
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "cd34", "cd34Stream")
                                .withActive(true)
                                .withTimes(longAgo.toString(), longAgo.toString(), 1)));
        dynamo.put(
                "fanoutState",
                new LastError(
                                SOURCE,
                                "cd34",
                                "Stream cd34Stream not found",
                                "ResourceNotFound",
                                NOW.minusSeconds(20))
                        .toItem());
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("Delivered")
                                                .timestamp(NOW.minusSeconds(20))
                                                .dimensions(
                                                        d -> d.name("FunctionName").value("fanout"),
                                                        d ->
                                                                d.name("SourceStream")
                                                                        .value("coreRetailStream"),
                                                        d -> d.name("Target").value("ab12"))
                                                .value(42.0)
                                                .storageResolution(1)
                                                .build()));
        cli =
                Cli.create(
                        options ->
                                StatusFakes.session(
                                        new Clients(dynamo, lambda, new FakeSts(), cloudWatch),
                                        clock,
                                        options));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        status = (StatusCommand) cli.getSubcommands().get("status").getCommand();
        status.sleeper = slept::add;
    }

    @Test
    void jsonIsOneObjectWithTheContractsFieldNamesAndValues() throws Exception {
        int exit = cli.execute("status", "--output", "json", "--source-arn", SOURCE);
        assertThat(exit).as(err.toString()).isZero();
        JsonNode root = Output.JSON.readTree(out.toString());
        assertThat(root.isObject()).isTrue();
        assertThat(root.get("asOf").asText()).isEqualTo("2026-11-25T10:00:30Z");
        assertThat(root.get("function").asText()).isEqualTo("fanout");
        assertThat(root.get("source").asText()).isEqualTo(SOURCE);
        assertThat(root.get("windowSeconds").asInt()).isEqualTo(300);
        JsonNode first = root.get("destinations").get(0);
        assertThat(first.get("id").asText()).isEqualTo("cd34");
        assertThat(first.get("state").asText()).isEqualTo("ERROR");
        assertThat(first.get("lastError").asText()).isEqualTo("Stream cd34Stream not found");
        assertThat(first.get("lagMs").isNull()).isTrue();
        assertThat(first.get("lastDeliveryAt").isNull()).isTrue();
        JsonNode second = root.get("destinations").get(1);
        for (String field :
                List.of(
                        "id",
                        "name",
                        "active",
                        "state",
                        "delivered",
                        "failed",
                        "throttled",
                        "rejected",
                        "lagMs",
                        "lastDeliveryAt",
                        "lastError")) {
            assertThat(second.has(field)).as(field).isTrue();
        }
        assertThat(second.get("id").asText()).isEqualTo("ab12");
        assertThat(second.get("name").asText()).isEqualTo("Ada");
        assertThat(second.get("active").asBoolean()).isTrue();
        assertThat(second.get("state").asText()).isEqualTo("OK");
        assertThat(second.get("delivered").asLong()).isEqualTo(42);
        assertThat(second.get("failed").isIntegralNumber()).isTrue();
        assertThat(second.get("lastDeliveryAt").asText()).isEqualTo("2026-11-25T10:00:10Z");
        assertThat(second.get("lastError").isNull()).isTrue();
    }

    @Test
    void watchPrintsOneJsonObjectPerLineEachInterval() throws Exception {
        status.maxRefreshes = 3;
        int exit = cli.execute("status", "--watch", "--interval", "30s", "--output", "json");
        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode node = Output.JSON.readTree(line);
            assertThat(node.get("destinations")).hasSize(2);
            assertThat(node.get("source").asText()).isEqualTo(SOURCE);
        }
        assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void watchSaysWhatItsIntervalCostsForThisClassOnStandardErrorBeforeTheFirstRows() {
        status.maxRefreshes = 1;
        int exit = cli.execute("status", "--watch", "--interval", "10s", "--output", "json");
        assertThat(exit).as(err.toString()).isZero();
        // 2 destinations: 2 x 6 + 7 metrics, 360 refreshes an hour, USD 0.01 per 1,000.
        assertThat(err.toString())
                .contains("watching every 10 s: 19 metrics per refresh, GetMetricData ~$0.068/h")
                .contains("/month if left running");
        assertThat(out.toString()).as("stdout stays one JSON object per line").startsWith("{");
    }

    @Test
    void aWatchIntervalBelowTheMetricsTenSecondResolutionIsAUsageError() {
        int exit = cli.execute("status", "--watch", "--interval", "5s");
        assertThat(exit).isEqualTo(fanout.console.cli.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--interval must be at least 10s");
    }

    @Test
    void anInterruptedWatchEndsCleanlyWithExitCodeZero() {
        status.sleeper =
                duration -> {
                    throw new InterruptedException("Ctrl-C");
                };
        int exit = cli.execute("status", "--watch", "--output", "json");
        assertThat(exit).isZero();
        assertThat(out.toString().split("\\R")).hasSize(1);
        assertThat(err.toString().split("\\R"))
                .as("only the cost line, no stack trace")
                .singleElement()
                .asString()
                .startsWith("watching every 20 s");
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void textHasTheHeaderAndOneRowPerDestination() {
        int exit = cli.execute("status", "--since", "10m");
        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text)
                .contains(
                        "account 123456789012",
                        "region us-west-2",
                        "function fanout",
                        "source " + SOURCE,
                        "window 10m",
                        "data as of 2026-11-25T10:00:10Z (20s ago, 10-second resolution",
                        "ERROR 1",
                        "OK 1",
                        "IDLE 0");
        assertThat(text)
                .containsPattern(
                        "cd34 +ERROR +0 +0 +0 +0 +- +- +9m 30s +- +Stream cd34Stream not found");
        assertThat(text).containsPattern("ab12 +Ada +OK +42 +0 +0 +0 +- +- +- +20s ago");
        assertThat(text).contains("fix: the student's stream does not exist");
        assertThat(text)
                .contains(
                        "    aws kinesis create-stream --stream-name cd34Stream --shard-count 1"
                                + " --region us-west-2");
    }

    @Test
    void csvHasAHeaderAndTheRows() {
        int exit = cli.execute("status", "--output", "csv");
        assertThat(exit).isZero();
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("id,name,active,state,delivered,failed");
        assertThat(lines).hasSize(3);
        assertThat(lines[2])
                .isEqualTo(
                        "ab12,Ada,true,OK,42,0,0,0,0,,,,2026-11-25T10:00:10Z,,42 delivered in the"
                                + " window,false");
    }

    @Test
    void aBadDurationIsAUsageErrorNamingTheFlag() {
        assertThat(cli.execute("status", "--since", "5 minutes")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--since").contains("90s, 5m, 1h");
    }

    @Test
    void aMissingFunctionExitsWithThree() {
        lambda.exists = false;
        int exit = cli.execute("status");
        assertThat(exit).isEqualTo(ExitCodes.AWS);
        assertThat(out.toString()).contains("does not exist").contains("fanout deploy");
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
    void helpListsTheOptionsAndExitCodes() {
        assertThat(cli.execute("status", "--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--since",
                        "--watch",
                        "--interval",
                        "--lag-threshold",
                        "--source-arn",
                        "Exit codes");
    }

    @Test
    void expiredCredentialsAreAProblemLineWithTheFixAndTheRowsStillShow() {
        StsClient expired =
                new StsClient() {
                    @Override
                    public GetCallerIdentityResponse getCallerIdentity(
                            GetCallerIdentityRequest request) {
                        throw StsException.builder()
                                .message(
                                        "The security token included in the request"
                                                + " is expired")
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("ExpiredToken")
                                                .errorMessage(
                                                        "The security token included in"
                                                                + " the request is expired")
                                                .build())
                                .build();
                    }

                    @Override
                    public String serviceName() {
                        return SERVICE_NAME;
                    }

                    @Override
                    public void close() {}
                };
        cli =
                Cli.create(
                        options ->
                                StatusFakes.session(
                                        new Clients(dynamo, lambda, expired, cloudWatch),
                                        clock,
                                        options));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("status", "--source-arn", SOURCE);
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains(
                        "! finding your account (sts:GetCallerIdentity) failed:" + " ExpiredToken")
                .contains("aws sso login")
                .contains("ab12")
                .contains("cd34");
        assertThat(err.toString()).doesNotContain("at fanout.");
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
        CommandLine recordingCli =
                Cli.create(
                        options ->
                                StatusFakes.session(
                                        new Clients(dynamo, lambda, new FakeSts(), recording),
                                        clock,
                                        options));
        recordingCli.setOut(new PrintWriter(out));
        recordingCli.setErr(new PrintWriter(err));
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

    @Test
    void anInactiveFunctionAndASelfRegisteredRowAreSaidInTextAndJson() throws Exception {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "sl01", "sl01Stream")
                                .withPeople("Sam", null, "selfreg")
                                .withTimes(longAgo.toString(), longAgo.toString(), 1)));
        lambda.conditions.add(new String[] {"Inactive", "Successful", null});
        int exit = cli.execute("status");
        assertThat(exit).as("informational: still 0").isZero();
        assertThat(out.toString())
                .contains(
                        "! function fanout: Inactive: idle for a long time; the next event or"
                                + " `fanout roster check` reactivates it, expect a cold start")
                .containsPattern("sl01 +Sam \\(slack\\) ")
                .doesNotContain("Ada (slack)");
        out.getBuffer().setLength(0);
        assertThat(cli.execute("status", "--output", "json")).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("functionState").asText()).startsWith("Inactive: idle");
        assertThat(json.get("destinations").findValuesAsText("origin"))
                .contains("selfreg", "roster");
        assertThat(slept).as("Inactive is settled: no wait before a re-read").isEmpty();
    }
}
