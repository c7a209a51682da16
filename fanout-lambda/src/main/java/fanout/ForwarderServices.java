package fanout;

import fanout.forward.KinesisClientFactory;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the handler talks to. {@link FanoutHandler}'s no-arg constructor builds the real ones; tests
 * and the sandbox pass their own (dynalite, kinesalite, in-memory CloudWatch, simulated student
 * accounts).
 */
public record ForwarderServices(
        DynamoDbClient dynamo,
        CloudWatchClient cloudWatch,
        KinesisClientFactory kinesis,
        Clock clock) {
    public ForwarderServices {
        Objects.requireNonNull(dynamo, "dynamo is required");
        Objects.requireNonNull(cloudWatch, "cloudWatch is required");
        Objects.requireNonNull(kinesis, "kinesis is required");
        Objects.requireNonNull(clock, "clock is required");
    }
}
