package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.AwsClients;
import fanout.console.workshop.WorkshopCatalog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class DoctorServiceTest {

    @Test
    void withoutCredentialsTheOtherChecksAreSkippedInsteadOfFailingTheSameWay() {
        List<DoctorCheck> checks =
                new DoctorService(
                                new NoCredentials(),
                                new WorkshopCatalog(Optional.empty()).load("hello-retail"))
                        .check("fanout", Optional.empty());

        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(checks.get(0).detail()).startsWith("no AWS credentials found");
        assertThat(checks.get(1).status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(checks.get(1).detail()).contains("skipped");
        assertThat(DoctorService.anyFailed(checks)).isTrue();
    }

    /** Every client but STS fails the test if touched: nothing else may be called. */
    private static final class NoCredentials implements AwsClients {
        @Override
        public String region() {
            return "us-west-2";
        }

        @Override
        public StsClient sts() {
            return new StsClient() {
                @Override
                public GetCallerIdentityResponse getCallerIdentity(
                        GetCallerIdentityRequest request) {
                    throw SdkClientException.create(
                            "Unable to load credentials from any of the providers in the chain ...");
                }

                @Override
                public String serviceName() {
                    return "sts";
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public DynamoDbClient dynamo() {
            throw new AssertionError("dynamo must not be called without credentials");
        }

        @Override
        public KinesisClient kinesis() {
            throw new AssertionError("kinesis must not be called without credentials");
        }

        @Override
        public LambdaClient lambda() {
            throw new AssertionError("lambda must not be called without credentials");
        }

        @Override
        public IamClient iam() {
            throw new AssertionError("iam must not be called without credentials");
        }

        @Override
        public CloudWatchClient cloudWatch() {
            throw new AssertionError("cloudWatch must not be called without credentials");
        }

        @Override
        public void close() {}
    }
}
