package fanout;

import fanout.forward.AssumeRoleSpec;
import fanout.forward.DirectKinesisFactory;
import fanout.forward.KinesisClientFactory;
import fanout.localaws.LocalAws;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Clients for dynalite and kinesalite (HTTP/1.1, static credentials, CBOR off via the build). */
final class LocalClients implements AutoCloseable {
    final SdkHttpClient http = ApacheHttpClient.create();
    final DynamoDbClient dynamo;
    final KinesisClient kinesis;
    private final StaticCredentialsProvider credentials =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private final ScheduledExecutorService timers = AwsServices.timers();
    private final URI endpoint;

    LocalClients(LocalAws local) {
        endpoint = local.kinesisEndpoint();
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(local.dynamoEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(credentials)
                        .httpClient(http)
                        .build();
        kinesis =
                KinesisClient.builder()
                        .endpointOverride(local.kinesisEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(credentials)
                        .httpClient(http)
                        .build();
    }

    /** Every destination is a kinesalite stream; roles are recorded, not assumed (no STS here). */
    KinesisClientFactory factory(List<Optional<AssumeRoleSpec>> rolesAsked) {
        KinesisClientFactory sdk = sdkFactory(rolesAsked);
        if (!DirectKinesisFactory.selected()) {
            return sdk;
        }
        // PutRecords as the forwarder sends it by default: the direct path, kinesalite speaks JSON.
        return new DirectKinesisFactory(sdk, http, endpoint, credentials, timers);
    }

    private KinesisClientFactory sdkFactory(List<Optional<AssumeRoleSpec>> rolesAsked) {
        return new KinesisClientFactory() {
            @Override
            public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
                rolesAsked.add(role);
                return kinesis;
            }

            @Override
            public void close() {}
        };
    }

    KinesisClientFactory factory() {
        return factory(new CopyOnWriteArrayList<>());
    }

    @Override
    public void close() {
        dynamo.close();
        kinesis.close();
        http.close();
        timers.shutdownNow();
    }
}
