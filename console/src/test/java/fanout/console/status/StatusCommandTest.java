package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.Output;
import fanout.console.status.StatusFakes.Clients;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** {@code status} output: JSON, text and CSV, what a missing or broken installation looks like. */
class StatusCommandTest extends StatusCommandFixture {
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
    void aMissingFunctionExitsWithThree() {
        lambda.exists = false;
        int exit = cli.execute("status");
        assertThat(exit).isEqualTo(ExitCodes.AWS);
        assertThat(out.toString()).contains("does not exist").contains("fanout deploy");
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
        cli = cliOn(new Clients(dynamo, lambda, expired, cloudWatch));
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
