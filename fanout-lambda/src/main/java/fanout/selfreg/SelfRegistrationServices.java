package fanout.selfreg;

import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.check.Required;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What the self-registration handler talks to. {@link #aws} builds the real ones once per
 * container; the sandbox and the tests pass their own (dynalite, the in-memory Lambda running the
 * real forwarder, an in-process continuation, a loopback response URL).
 */
public record SelfRegistrationServices(
        DynamoDbClient dynamo,
        TargetCheck check,
        Continuation continuation,
        LateAnswers answers,
        Clock clock) {
    public SelfRegistrationServices {
        Required.all(
                "dynamo, check, continuation, answers, clock",
                dynamo,
                check,
                continuation,
                answers,
                clock);
    }

    /** The real clients, sharing one pooled HTTP client; Lambda's own credentials. */
    public static SelfRegistrationServices aws(SelfRegistrationConfig config, ObjectMapper json) {
        SdkHttpClient http = ApacheHttpClient.builder().maxConnections(8).build();
        DefaultCredentialsProvider own = DefaultCredentialsProvider.builder().build();
        Region region = Region.of(config.region());
        LambdaClient lambda =
                LambdaClient.builder()
                        .region(region)
                        .httpClient(http)
                        .credentialsProvider(own)
                        .build();
        return new SelfRegistrationServices(
                DynamoDbClient.builder()
                        .region(region)
                        .httpClient(http)
                        .credentialsProvider(own)
                        .build(),
                new LambdaTargetCheck(lambda, config.forwarderFunction(), json),
                new SelfInvoke(lambda, config.functionName(), json),
                new LateAnswers(config.responseUrlPrefix(), json),
                Clock.systemUTC());
    }
}
