package fanout;

import fanout.check.Required;
import fanout.forward.KinesisClientFactory;
import java.time.Clock;
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
        Required.all("dynamo, cloudWatch, kinesis, clock", dynamo, cloudWatch, kinesis, clock);
    }
}
