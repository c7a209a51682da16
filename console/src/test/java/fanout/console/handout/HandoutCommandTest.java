package fanout.console.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.aws.memory.FakeAws;
import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HandoutCommandTest {
    private final FakeAws aws = new FakeAws((n, e, p, t) -> p);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Cli.create(aws.sessions());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void theJsonHandoutHasTheAccountTheRoleToTrustAndTheExactPolicies() throws Exception {
        assertThat(run("handout", "--output", "json", "--external-id", "class-7")).isZero();

        JsonNode handout = new ObjectMapper().readTree(out.toString());
        String role = "arn:aws:iam::123456789012:role/fanoutRole";
        assertThat(handout.get("coreAccount").asText()).isEqualTo("123456789012");
        assertThat(handout.get("fanoutRoleArn").asText()).isEqualTo(role);
        assertThat(handout.get("externalId").asText()).isEqualTo("class-7");
        assertThat(handout.at("/trustPolicy/Statement/0/Principal/AWS").asText()).isEqualTo(role);
        assertThat(handout.at("/trustPolicy/Statement/0/Action").asText())
                .isEqualTo("sts:AssumeRole");
        assertThat(
                        handout.at("/trustPolicy/Statement/0/Condition/StringEquals/sts:ExternalId")
                                .asText())
                .isEqualTo("class-7");
        assertThat(handout.at("/permissionsPolicy/Statement/0/Action").toString())
                .isEqualTo("[\"kinesis:PutRecords\",\"kinesis:DescribeStreamSummary\"]");
        assertThat(handout.at("/permissionsPolicy/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:kinesis:us-west-2:{account}:stream/{id}Stream");
    }

    @Test
    void oneStudentsHandoutFillsTheirIdAndAccountAndHasNoConditionWithoutExternalId()
            throws Exception {
        assertThat(run("handout", "--output", "json", "--id", "ab12", "--account", "210987654321"))
                .isZero();

        JsonNode handout = new ObjectMapper().readTree(out.toString());
        assertThat(handout.get("studentStreamArn").asText())
                .isEqualTo("arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream");
        assertThat(handout.get("studentRoleArn").asText())
                .isEqualTo("arn:aws:iam::210987654321:role/ab12StreamWriter");
        assertThat(handout.at("/trustPolicy/Statement/0").has("Condition")).isFalse();
    }

    @Test
    void theTextHandoutPrintsTheTrustPolicyAndABadAccountIsAUsageError() {
        assertThat(run("handout")).isZero();
        assertThat(out.toString())
                .contains("Core (workshop leader) account: 123456789012")
                .contains("Trust policy of your role:")
                .contains("\"AWS\" : \"arn:aws:iam::123456789012:role/fanoutRole\"");

        assertThat(run("handout", "--account", "12ab")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--account '12ab' must be 12 digits");
    }
}
