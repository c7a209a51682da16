package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.testing.FakeKinesis;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.model.StsException;

class AwsFailuresTest {
    private static KinesisException kinesis(String code, int status) {
        return (KinesisException)
                KinesisException.builder()
                        .awsErrorDetails(FakeKinesis.details(code, "message of " + code))
                        .statusCode(status)
                        .build();
    }

    @Test
    void accessDeniedNotFoundKmsAndValidationArePermanent() {
        assertThat(AwsFailures.classify(kinesis("AccessDeniedException", 400)))
                .satisfies(
                        e -> {
                            assertThat(e.permanent()).isTrue();
                            assertThat(e.code()).isEqualTo("AccessDenied");
                        });
        assertThat(
                        AwsFailures.classify(
                                ResourceNotFoundException.builder()
                                        .awsErrorDetails(
                                                FakeKinesis.details(
                                                        "ResourceNotFoundException", "gone"))
                                        .statusCode(400)
                                        .build()))
                .satisfies(
                        e -> {
                            assertThat(e.permanent()).isTrue();
                            assertThat(e.code()).isEqualTo("ResourceNotFound");
                        });
        assertThat(AwsFailures.classify(kinesis("KMSAccessDeniedException", 400)).permanent())
                .isTrue();
        assertThat(AwsFailures.classify(kinesis("ValidationException", 400)).permanent()).isTrue();
        assertThat(AwsFailures.classify(kinesis("InvalidArgumentException", 400)).permanent())
                .isTrue();
    }

    @Test
    void throttlingServerErrorsAndNetworkFailuresAreRetryable() {
        SinkCallException limit = AwsFailures.classify(kinesis("LimitExceededException", 400));
        assertThat(limit.permanent()).isFalse();
        assertThat(limit.throttled()).isTrue();
        SinkCallException throughput =
                AwsFailures.classify(kinesis("ProvisionedThroughputExceededException", 400));
        assertThat(throughput.throttled()).isTrue();
        assertThat(AwsFailures.classify(kinesis("InternalFailure", 500)).permanent()).isFalse();
        assertThat(AwsFailures.classify(kinesis("Whatever", 503)).permanent()).isFalse();
        assertThat(AwsFailures.classify(SdkClientException.create("Connection reset")).permanent())
                .isFalse();
    }

    @Test
    void aRoleThatCannotBeAssumedIsAccessDeniedAndOwedForLaterNotLost() {
        StsException denied =
                (StsException)
                        StsException.builder()
                                .awsErrorDetails(
                                        FakeKinesis.details(
                                                "AccessDenied",
                                                "not authorized to perform sts:AssumeRole"))
                                .statusCode(403)
                                .build();

        SinkCallException failure =
                AwsFailures.classify(
                        SdkClientException.create("Unable to load credentials", denied));

        // A role created a minute ago or a trust policy being fixed works later.
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.later()).isTrue();
        assertThat(failure.code()).isEqualTo("AccessDenied");
        assertThat(failure.getMessage())
                .contains("cannot assume the role")
                .contains("sts:AssumeRole");
    }

    private static StsException sts(String code, int status) {
        return (StsException)
                StsException.builder()
                        .awsErrorDetails(FakeKinesis.details(code, "message of " + code))
                        .statusCode(status)
                        .build();
    }

    @Test
    void stsThrottlingAndExpiredTokensAreRetriedAndADisabledRegionIsOwedForLater() {
        SinkCallException throttled = AwsFailures.classify(sts("Throttling", 400));
        assertThat(throttled.throttled()).isTrue();
        assertThat(throttled.permanent()).isFalse();
        SinkCallException expired = AwsFailures.classify(sts("ExpiredTokenException", 400));
        assertThat(expired.permanent()).isFalse();
        assertThat(expired.later()).isFalse();
        SinkCallException region = AwsFailures.classify(sts("RegionDisabledException", 403));
        assertThat(region.permanent()).isFalse();
        assertThat(region.later()).isTrue();
        assertThat(region.code()).isEqualTo("RegionDisabled");
    }

    @Test
    void anExpiredSessionOnKinesisIsRetriedNotPermanent() {
        assertThat(AwsFailures.classify(kinesis("ExpiredTokenException", 400)).permanent())
                .isFalse();
    }

    @Test
    void entryErrorsAreRetryableOnlyWhenTransient() {
        assertThat(AwsFailures.entryOutcome("ProvisionedThroughputExceededException", "slow"))
                .isEqualTo(
                        new EntryOutcome.Retryable(
                                "Throttled", "ProvisionedThroughputExceededException: slow", true));
        assertThat(AwsFailures.entryOutcome("InternalFailure", "oops"))
                .isInstanceOf(EntryOutcome.Retryable.class);
        assertThat(AwsFailures.entryOutcome("KMSAccessDeniedException", "no key"))
                .isInstanceOf(EntryOutcome.Rejected.class);
    }
}
