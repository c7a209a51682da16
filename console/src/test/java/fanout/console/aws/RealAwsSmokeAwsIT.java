package fanout.console.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Smoke test against a real AWS account, opt-in only: {@code mvn -Paws ...} (see README). Uses the
 * standard credential chain (AWS_PROFILE, environment, SSO, ...) and only reads: {@code doctor} and
 * {@code deploy --dry-run} change nothing. Never runs in the default build or CI, which have no
 * credentials. Optional system properties {@code fanout.aws.region}, {@code fanout.aws.profile} and
 * {@code fanout.aws.function} become the global options of the same names.
 */
class RealAwsSmokeAwsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a command printed and answered. */
    record Run(int exitCode, String out, String err) {}

    /** One clear failure instead of every test repeating the SDK's provider-chain message. */
    @BeforeAll
    static void credentialsResolve() {
        String profile = System.getProperty("fanout.aws.profile");
        AwsCredentialsProvider chain =
                profile == null || profile.isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : ProfileCredentialsProvider.create(profile);
        try {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new IllegalStateException(
                    "-Paws runs against a real AWS account and found no credentials: set"
                            + " AWS_PROFILE (or -Dfanout.aws.profile=NAME), AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, or log in with `aws sso login`",
                    e);
        }
    }

    private static Run fanout(String... verb) {
        List<String> args = new ArrayList<>();
        option(args, "--region", "fanout.aws.region");
        option(args, "--profile", "fanout.aws.profile");
        option(args, "--function", "fanout.aws.function");
        args.addAll(List.of(verb));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.standard();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static void option(List<String> args, String option, String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            args.add(option);
            args.add(value);
        }
    }

    @Test
    void theProfileDoesNotHandTheTestsFakeCredentials() {
        // The default failsafe run sets AWS_ACCESS_KEY_ID=test for the emulators; against real
        // AWS that would only produce confusing InvalidClientTokenId failures.
        assertThat(System.getenv("AWS_ACCESS_KEY_ID"))
                .as("-Paws must run with the caller's credential chain, not the emulators' keys")
                .isNotEqualTo("test");
    }

    @Test
    void doctorChecksTheRealAccountAndReportsEveryCheckAsJson() throws Exception {
        Run run = fanout("--output", "json", "doctor");

        assertThat(run.exitCode())
                .as("doctor exits 0 (all ok) or 3 (a check failed); stderr: %s", run.err())
                .isIn(ExitCodes.OK, ExitCodes.AWS);
        JsonNode checks = JSON.readTree(run.out());
        assertThat(checks.isArray()).as("doctor --output json prints an array").isTrue();
        assertThat(checks).isNotEmpty();
        for (JsonNode check : checks) {
            assertThat(check.path("name").asText()).isNotBlank();
            assertThat(check.path("status").asText()).isIn("OK", "WARN", "FAIL");
            assertThat(check.has("detail") && check.has("fix")).isTrue();
        }
        JsonNode credentials = checks.get(0);
        assertThat(credentials.path("name").asText()).isEqualTo("credentials");
        assertThat(credentials.path("status").asText())
                .as(
                        "the standard credential chain must resolve (AWS_PROFILE, AWS_ACCESS_KEY_ID,"
                                + " SSO...): %s",
                        credentials.path("detail").asText())
                .isEqualTo("OK");
        assertThat(run.exitCode() == ExitCodes.OK)
                .as("exit code 3 exactly when a check failed")
                .isEqualTo(noneFailed(checks));
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void deployDryRunPrintsThePlanForTheCallersAccountAndChangesNothing() throws Exception {
        Run run = fanout("--output", "json", "deploy", "--dry-run");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.OK);
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("account").asText()).matches("\\d{12}");
        assertThat(plan.path("region").asText()).isNotBlank();
        assertThat(plan.path("roleArn").asText())
                .startsWith("arn:aws")
                .contains(plan.path("account").asText());
        assertThat(plan.path("handler").asText()).isEqualTo("fanout.FanoutHandler::handleRequest");
        assertThat(plan.path("steps")).isNotEmpty();
        for (JsonNode step : plan.path("steps")) {
            assertThat(step.path("outcome").asText())
                    .as("a dry run creates and updates nothing")
                    .isIn("planned", "up to date", "skipped");
        }
    }

    @Test
    void deployDryRunAsTextSaysNothingChanges() {
        Run run = fanout("deploy", "--dry-run");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("Plan for ")
                .contains("(dry run: nothing changes)")
                .contains("Trust policy of ");
    }

    private static boolean noneFailed(JsonNode checks) {
        for (JsonNode check : checks) {
            if ("FAIL".equals(check.path("status").asText())) {
                return false;
            }
        }
        return true;
    }
}
