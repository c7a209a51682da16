package fanout.console.aws;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

    @Test
    void missingCredentialsAreOneShortLineWithTheFix() {
        SdkClientException error =
                SdkClientException.create(
                        "Unable to load credentials from any of the providers in the chain"
                                + " AwsCredentialsProviderChain(credentialsProviders=[...]) : [long list]");
        assertThat(AwsErrors.reason(error))
                .startsWith("no AWS credentials found")
                .hasSizeLessThan(120);
        assertThat(AwsErrors.hint(error)).contains("AWS_PROFILE");
    }

    @Test
    void serviceErrorsCarryTheirCodeAndAFixForExpiredCredentials() {
        AwsServiceException error =
                AwsServiceException.builder()
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("ExpiredTokenException")
                                        .errorMessage(
                                                "The security token included in the request is expired")
                                        .build())
                        .build();
        assertThat(AwsErrors.reason(error))
                .isEqualTo(
                        "ExpiredTokenException: The security token included in the request is expired");
        assertThat(AwsErrors.hint(error)).contains("refresh them");
        assertThat(ExitCodes.of(AwsErrors.wrap("listing", error))).isEqualTo(3);
    }

    private static AwsServiceException coded(String code) {
        return AwsServiceException.builder()
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
                .build();
    }

    @Test
    void eachCommonCodeGetsItsFixByExactCodeOrByAPartOfIt() {
        assertThat(AwsErrors.hint(coded("RequestExpired"))).contains("refresh them");
        assertThat(AwsErrors.hint(coded("AccessDeniedException"))).contains("administrator");
        assertThat(AwsErrors.hint(coded("AuthorizationError"))).contains("administrator");
        assertThat(AwsErrors.hint(coded("InvalidClientTokenId"))).contains("not valid");
        assertThat(AwsErrors.hint(coded("ThrottlingException"))).contains("throttling");
        assertThat(AwsErrors.hint(coded("LimitExceededException"))).contains("throttling");
        assertThat(AwsErrors.hint(coded("ResourceNotFoundException"))).contains("does not exist");
        assertThat(AwsErrors.hint(coded("NoSuchEntity"))).contains("does not exist");
        assertThat(AwsErrors.hint(coded("ValidationException"))).isEmpty();
    }

    @Test
    void anExpiredMessageWinsOverTheCodesFix() {
        AwsServiceException error =
                AwsServiceException.builder()
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("AccessDenied")
                                        .errorMessage("the session has expired")
                                        .build())
                        .build();
        assertThat(AwsErrors.hint(error)).contains("refresh them");
    }
}
