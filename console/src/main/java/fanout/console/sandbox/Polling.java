package fanout.console.sandbox;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What the event source mapping emulator and each of its shard pollers share: Kinesis as the
 * leader's account sees it (the mappings' sources live there), the Lambda client that invokes the
 * function, the AWS/Lambda metrics they count (the emulator's own), the clock and the sandbox's
 * log.
 */
record Polling(
        KinesisClient source,
        LambdaClient lambda,
        LambdaMetrics metrics,
        Clock clock,
        Consumer<String> log) {

    Polling {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
    }
}
