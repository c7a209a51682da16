package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.AwsClients;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.FanoutFixture;
import fanout.console.workshop.WorkshopCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

class DoctorSourceAndHooksTest {
    private static final String FRANKFURT_SOURCE =
            "arn:aws:kinesis:eu-central-1:123456789012:stream/coreRetailStream";

    private final FakeAws fake = new FakeAws((n, e, p, t) -> p, 0, 0);
    private final List<DescribeStreamSummaryRequest> described = new ArrayList<>();
    private final List<String> kinesisRegions = new ArrayList<>();

    private List<DoctorCheck> doctor(Optional<String> source) {
        return new DoctorService(
                        new Clients(), new WorkshopCatalog(Optional.empty()).load("hello-retail"))
                .check("fanout", source);
    }

    private static DoctorCheck named(List<DoctorCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSourceIsDescribedByItsArnWithAClientForItsOwnRegion() {
        DoctorCheck stream = named(doctor(Optional.of(FRANKFURT_SOURCE)), "source stream");

        assertThat(stream.status()).isEqualTo(DoctorCheck.Status.OK);
        assertThat(kinesisRegions).containsExactly("eu-central-1");
        assertThat(described)
                .singleElement()
                .satisfies(r -> assertThat(r.streamARN()).isEqualTo(FRANKFURT_SOURCE));
    }

    @Test
    void aHookWhoseSettingsDifferFailsWithTheDifferencesAndTheRepairCommand() {
        FanoutFixture.deployFanout(fake);
        fake.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("read")
                                .policyDocument(
                                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString()));
        fake.lambda.createEventSourceMapping(
                r ->
                        r.functionName("fanout")
                                .eventSourceArn(FakeAws.SOURCE_ARN)
                                .startingPosition("LATEST")
                                .parallelizationFactor(4));

        DoctorCheck hooks = named(doctor(Optional.of(FakeAws.SOURCE_ARN)), "hooks");

        assertThat(hooks.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(hooks.detail())
                .contains("ParallelizationFactor is 4, needs 1")
                .contains("FunctionResponseTypes lacks ReportBatchItemFailures");
        assertThat(hooks.fix()).contains("fanout hook --repair");
    }

    /** The fakes, a Kinesis client per region that records, and DynamoDB without tables. */
    private final class Clients implements AwsClients {
        @Override
        public String region() {
            return "us-west-2";
        }

        @Override
        public KinesisClient kinesis() {
            throw new AssertionError("the source must be described in its own region");
        }

        @Override
        public KinesisClient kinesis(String region) {
            kinesisRegions.add(region);
            return new KinesisClient() {
                @Override
                public DescribeStreamSummaryResponse describeStreamSummary(
                        DescribeStreamSummaryRequest request) {
                    described.add(request);
                    return DescribeStreamSummaryResponse.builder()
                            .streamDescriptionSummary(
                                    s ->
                                            s.streamARN(request.streamARN())
                                                    .streamName("coreRetailStream")
                                                    .streamStatus("ACTIVE")
                                                    .openShardCount(2))
                            .build();
                }

                @Override
                public String serviceName() {
                    return "kinesis";
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public DynamoDbClient dynamo() {
            return new DynamoDbClient() {
                @Override
                public DescribeTableResponse describeTable(DescribeTableRequest request) {
                    throw missing();
                }

                @Override
                public QueryResponse query(QueryRequest request) {
                    throw missing();
                }

                private ResourceNotFoundException missing() {
                    return (ResourceNotFoundException)
                            ResourceNotFoundException.builder()
                                    .statusCode(400)
                                    .awsErrorDetails(
                                            AwsErrorDetails.builder()
                                                    .errorCode("ResourceNotFoundException")
                                                    .errorMessage("Requested resource not found")
                                                    .build())
                                    .build();
                }

                @Override
                public String serviceName() {
                    return "dynamodb";
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public LambdaClient lambda() {
            return fake.lambda();
        }

        @Override
        public IamClient iam() {
            return fake.iam();
        }

        @Override
        public StsClient sts() {
            return fake.sts();
        }

        @Override
        public CloudWatchClient cloudWatch() {
            throw new AssertionError("doctor reads no metrics");
        }

        @Override
        public void close() {}
    }
}
