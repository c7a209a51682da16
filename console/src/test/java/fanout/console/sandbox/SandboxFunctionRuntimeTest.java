package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import fanout.ForwarderServices;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import fanout.testing.RecordingCloudWatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class SandboxFunctionRuntimeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final List<Map<String, String>> built = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();

    private final ForwarderServices services =
            new ForwarderServices(
                    new DynamoDbClient() {
                        @Override
                        public String serviceName() {
                            return SERVICE_NAME;
                        }

                        @Override
                        public void close() {}
                    },
                    new RecordingCloudWatch(),
                    new KinesisClientFactory() {
                        @Override
                        public KinesisClient forDestination(
                                String region, Optional<AssumeRoleSpec> role) {
                            throw new UnsupportedOperationException();
                        }

                        @Override
                        public void close() {}
                    },
                    clock);

    private final SandboxFunctionRuntime runtime =
            new SandboxFunctionRuntime(
                    services,
                    (environment, given) -> {
                        built.add(environment);
                        return handler(given);
                    },
                    "us-west-2",
                    "123456789012",
                    line -> {});

    private RequestStreamHandler handler(ForwarderServices given) {
        assertThat(given).isSameAs(services);
        return (input, output, context) -> {
            remaining.add(context.getRemainingTimeInMillis());
            output.write(
                    ("echo " + new String(input.readAllBytes(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void theHandlerIsBuiltOncePerFunctionAndEnvironmentAndKeptWarm() {
        byte[] first =
                runtime.invoke(
                        "fanout",
                        Map.of("FANOUT_TRANSFORM", "hello-retail"),
                        "a".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(60));
        runtime.invoke(
                "fanout",
                Map.of("FANOUT_TRANSFORM", "hello-retail"),
                "b".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(60));
        runtime.invoke(
                "fanout",
                Map.of("FANOUT_TRANSFORM", "none"),
                "c".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(60));

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("echo a");
        assertThat(built).hasSize(2);
        assertThat(built.get(0))
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "fanout")
                .containsEntry("AWS_REGION", "us-west-2")
                .containsEntry("FANOUT_TRANSFORM", "hello-retail");
    }

    @Test
    void theContextsTimeBudgetIsTheFunctionsTimeout() {
        runtime.invoke("fanout", Map.of(), new byte[0], Duration.ofSeconds(42));

        assertThat(remaining).containsExactly(42_000);
    }
}
