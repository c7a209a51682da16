package fanout.console.aws;

import fanout.mapping.Arn;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real AWS clients from the standard credential chain (or a named profile), sharing one HTTP
 * connection pool. Clients are built on first use, so a command that needs only DynamoDB never
 * touches IAM. {@code AWS_ENDPOINT_URL*} variables are honoured by the SDK itself.
 */
public final class SdkAwsClients implements AwsClients {
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration override;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<KinesisClient> kinesis;
    private final Map<String, KinesisClient> otherKinesis = new ConcurrentHashMap<>();
    private final Lazy<LambdaClient> lambda;
    private final Lazy<LambdaClient> lambdaInvoker;
    private final Lazy<IamClient> iam;
    private final Lazy<StsClient> sts;
    private final Lazy<CloudWatchClient> cloudWatch;

    public SdkAwsClients(String region, Optional<String> profile) {
        this.region = Region.of(region);
        this.credentials =
                profile.<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        this.http = ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).build();
        this.override =
                ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build();
        this.dynamo = new Lazy<>(() -> shared(DynamoDbClient.builder(), this.region));
        this.kinesis = new Lazy<>(() -> shared(KinesisClient.builder(), this.region));
        this.lambda = new Lazy<>(() -> shared(LambdaClient.builder(), this.region));
        this.lambdaInvoker =
                new Lazy<>(
                        () ->
                                invokerBuilder()
                                        .region(this.region)
                                        .credentialsProvider(credentials)
                                        .build());
        this.iam = new Lazy<>(() -> shared(IamClient.builder(), iamRegion(this.region)));
        this.sts = new Lazy<>(() -> shared(StsClient.builder(), this.region));
        this.cloudWatch = new Lazy<>(() -> shared(CloudWatchClient.builder(), this.region));
    }

    /** A client in {@code in} on the session's credentials, HTTP pool and retry strategy. */
    private <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C shared(
            B builder, Region in) {
        return builder.region(in)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(override)
                .build();
    }

    /** IAM's global endpoint of the region's partition (aws-global would fail in China). */
    static Region iamRegion(Region region) {
        String partition = Arn.partitionOf(region.id());
        switch (partition) {
            case "aws-cn":
                return Region.AWS_CN_GLOBAL;
            case "aws-us-gov":
                return Region.AWS_US_GOV_GLOBAL;
            case "aws-iso":
                return Region.AWS_ISO_GLOBAL;
            case "aws-iso-b":
                return Region.AWS_ISO_B_GLOBAL;
            default:
                return Region.AWS_GLOBAL;
        }
    }

    @Override
    public String region() {
        return region.id();
    }

    @Override
    public DynamoDbClient dynamo() {
        return dynamo.get();
    }

    @Override
    public KinesisClient kinesis() {
        return kinesis.get();
    }

    /** A Kinesis client for another region (a source or stream outside the session's). */
    @Override
    public KinesisClient kinesis(String otherRegion) {
        if (otherRegion == null || otherRegion.equals(region.id())) {
            return kinesis();
        }
        return otherKinesis.computeIfAbsent(
                otherRegion, r -> shared(KinesisClient.builder(), Region.of(r)));
    }

    @Override
    public LambdaClient lambda() {
        return lambda.get();
    }

    @Override
    public LambdaClient lambdaInvoker() {
        return lambdaInvoker.get();
    }

    /**
     * A Lambda client for synchronous Invoke: no SDK retries and its own HTTP client whose socket
     * read timeout outlasts the longest function timeout (the shared one reads for 30 s).
     */
    public static LambdaClientBuilder invokerBuilder() {
        return LambdaClient.builder()
                .httpClientBuilder(
                        ApacheHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(5))
                                .socketTimeout(INVOKE_READ_TIMEOUT))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /** Above Lambda's longest timeout (900 s), so a read never ends before the function. */
    public static final Duration INVOKE_READ_TIMEOUT = Duration.ofSeconds(960);

    @Override
    public IamClient iam() {
        return iam.get();
    }

    @Override
    public StsClient sts() {
        return sts.get();
    }

    @Override
    public CloudWatchClient cloudWatch() {
        return cloudWatch.get();
    }

    @Override
    public void close() {
        dynamo.close();
        kinesis.close();
        otherKinesis.values().forEach(KinesisClient::close);
        lambda.close();
        lambdaInvoker.close();
        iam.close();
        sts.close();
        cloudWatch.close();
        http.close();
    }

    /** A client built once, on first use. */
    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void close() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    // Closing a client only releases its resources; nothing is lost if it fails.
                }
            }
        }
    }
}
