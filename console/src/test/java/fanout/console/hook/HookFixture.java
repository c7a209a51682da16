package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.FanoutFixture;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.cli.Cli;
import fanout.console.deploy.PolicyDocuments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/**
 * The hook tests' world: the function {@code fanout} deployed in the in-memory Lambda and IAM
 * (whose read grants propagate after one refusal), a service over them that records its waits.
 */
final class HookFixture {
    static final String OTHER_SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/otherStream";

    final FakeAws aws = FanoutFixture.deployFanout(new FakeAws((n, e, p, t) -> p, 0, 1));
    final RecordingSleeper sleeper = new RecordingSleeper();
    final HookService service = new HookService(aws, sleeper);
    final List<String> progress = new ArrayList<>();

    /** Hooks the workshop's source from the start of the stream, enabled. */
    static HookRequest request() {
        return request(FakeAws.SOURCE_ARN);
    }

    static HookRequest request(String sourceArn) {
        return new HookRequest("fanout", sourceArn, "TRIM_HORIZON", Optional.empty(), 100, 1, true);
    }

    /** The function's mappings as Lambda holds them. */
    List<EventSourceMappingConfiguration> mappings() {
        return aws.lambda
                .listEventSourceMappings(r -> r.functionName("fanout"))
                .eventSourceMappings();
    }

    /** The command line over this world, writing to {@code out} and {@code err}. */
    CommandLine cli(StringWriter out, StringWriter err) {
        CommandLine cli = Cli.create(aws.sessions());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        ((HookCommand) cli.getSubcommands().get("hook").getCommand()).sleeper = sleeper;
        ((PauseCommand) cli.getSubcommands().get("pause").getCommand()).sleeper = sleeper;
        return cli;
    }

    /**
     * A mapping made by hand or by another tool, with settings the forwarder cannot work with;
     * returns its UUID.
     */
    String createDrifted() {
        aws.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("by-hand")
                                .policyDocument(
                                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString()));
        for (int attempt = 0; ; attempt++) {
            try {
                return aws.lambda
                        .createEventSourceMapping(
                                r ->
                                        r.functionName("fanout")
                                                .eventSourceArn(FakeAws.SOURCE_ARN)
                                                .startingPosition("LATEST")
                                                .parallelizationFactor(2)
                                                .maximumRetryAttempts(3)
                                                .bisectBatchOnFunctionError(true))
                        .uuid();
            } catch (InvalidParameterValueException e) {
                // The fake's grant propagates after one refusal, as IAM's does after a while.
                assertThat(attempt).isLessThan(3);
            }
        }
    }
}
