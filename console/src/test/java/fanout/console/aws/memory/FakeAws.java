package fanout.console.aws.memory;

import fanout.console.Session;
import fanout.console.SessionFactory;
import fanout.console.aws.AwsClients;
import fanout.console.aws.policy.AuthorizingClient;
import fanout.console.aws.policy.CallLog;
import fanout.console.aws.policy.Caller;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The core account of a test: in-memory IAM, Lambda and STS, plus DynamoDB and Kinesis clients when
 * a test has local servers. Clients can be swapped (e.g. for a failing wrapper) before use.
 */
public final class FakeAws implements AwsClients {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-west-2";
    public static final String SOURCE_ARN =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    public final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    public final InMemoryIam iamFake = new InMemoryIam(ACCOUNT, clock);
    public final InMemoryLambda lambdaFake;
    public final InMemorySts stsFake = new InMemorySts(ACCOUNT, iamFake, clock);

    /**
     * The leader, an administrator: every call through the fakes is still authorized as IAM would.
     */
    public static final Caller LEADER =
            Caller.administrator("arn:aws:iam::" + ACCOUNT + ":user/workshop-leader");

    /** Every call the console made through the fakes, with IAM's decision. */
    public final CallLog calls = new CallLog();

    public IamClient iam = AuthorizingClient.wrap(IamClient.class, iamFake, LEADER, REGION, calls);
    public LambdaClient lambda;
    public StsClient sts = stsFake;
    public DynamoDbClient dynamo;
    public KinesisClient kinesis;

    public FakeAws(FunctionRuntime runtime) {
        lambdaFake = new InMemoryLambda(runtime, iamFake, clock);
        lambda = AuthorizingClient.wrap(LambdaClient.class, lambdaFake, LEADER, REGION, calls);
    }

    public FakeAws(FunctionRuntime runtime, int roleAssumeFailures, int settlePolls) {
        lambdaFake =
                new InMemoryLambda(
                        runtime, iamFake, clock, REGION, roleAssumeFailures, settlePolls);
        lambda = AuthorizingClient.wrap(LambdaClient.class, lambdaFake, LEADER, REGION, calls);
    }

    /** Points DynamoDB and Kinesis at local servers (dynalite, kinesalite). */
    public FakeAws withLocal(URI dynamoEndpoint, URI kinesisEndpoint) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(dynamoEndpoint)
                        .region(Region.US_WEST_2)
                        .credentialsProvider(credentials)
                        .httpClient(ApacheHttpClient.create())
                        .build();
        kinesis =
                KinesisClient.builder()
                        .endpointOverride(kinesisEndpoint)
                        .region(Region.US_WEST_2)
                        .credentialsProvider(credentials)
                        .httpClient(ApacheHttpClient.create())
                        .build();
        return this;
    }

    public static Workshop helloRetail() {
        return new WorkshopCatalog(Optional.empty()).load("hello-retail");
    }

    /** Sessions over these clients; closing a session leaves the clients open for the test. */
    public SessionFactory sessions() {
        return options -> new Session(options, helloRetail(), unclosable(), clock, false);
    }

    private AwsClients unclosable() {
        FakeAws self = this;
        return new AwsClients() {
            @Override
            public String region() {
                return self.region();
            }

            @Override
            public DynamoDbClient dynamo() {
                return self.dynamo();
            }

            @Override
            public KinesisClient kinesis() {
                return self.kinesis();
            }

            @Override
            public LambdaClient lambda() {
                return self.lambda();
            }

            @Override
            public IamClient iam() {
                return self.iam();
            }

            @Override
            public StsClient sts() {
                return self.sts();
            }

            @Override
            public CloudWatchClient cloudWatch() {
                return self.cloudWatch();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public DynamoDbClient dynamo() {
        if (dynamo == null) {
            throw new IllegalStateException("this test has no DynamoDB");
        }
        return dynamo;
    }

    @Override
    public KinesisClient kinesis() {
        if (kinesis == null) {
            throw new IllegalStateException("this test has no Kinesis");
        }
        return kinesis;
    }

    @Override
    public LambdaClient lambda() {
        return lambda;
    }

    @Override
    public IamClient iam() {
        return iam;
    }

    @Override
    public StsClient sts() {
        return sts;
    }

    @Override
    public CloudWatchClient cloudWatch() {
        throw new IllegalStateException("this test has no CloudWatch");
    }

    @Override
    public void close() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }
}
