package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fanout.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The direct AssumeRole against real STS, opt-in only ({@code mvn -B -Paws -pl fanout-lambda -am
 * verify -Dfanout.aws.role=ARN [-Dfanout.aws.region=eu-west-1]}): STS accepts its signature and
 * form as it accepts the SDK's, and refuses a role that does not exist alike. The role must trust
 * the caller's credentials; without the property it is skipped.
 */
class DirectAssumeRoleAwsIT {
    private static final String ROLE = System.getProperty("fanout.aws.role", "");
    private static final String REGION = RealAws.REGION;

    private static RealAws aws;
    private static StsClient sdk;

    @BeforeAll
    static void clients() {
        assumeTrue(!ROLE.isBlank(), "-Dfanout.aws.role names a role the caller may assume");
        aws = RealAws.open();
        sdk = aws.sdk(StsClient.builder());
    }

    @AfterAll
    static void close() {
        if (sdk != null) {
            sdk.close();
            aws.close();
        }
    }

    private static DirectAssumeRole direct() {
        return new DirectAssumeRole(
                aws.http(),
                DirectAssumeRole.of(sdk, REGION),
                REGION,
                aws.credentials(),
                aws.timers(),
                Clock.systemUTC(),
                StsKinesisClientFactory.STS_CALL_TIMEOUT,
                Sleeper.SYSTEM);
    }

    private static AssumeRoleRequest request(String role) {
        return AssumeRoleRequest.builder().roleArn(role).roleSessionName("fanout-aws-it").build();
    }

    @Test
    void stsGrantsTheDirectRequestAsItGrantsTheSdks() {
        Credentials bySdk = sdk.assumeRole(request(ROLE)).credentials();
        Credentials byDirect = direct().assume(request(ROLE));

        assertThat(byDirect.accessKeyId()).startsWith("ASIA");
        assertThat(byDirect.sessionToken()).isNotBlank();
        assertThat(byDirect.expiration())
                .isAfter(Instant.now().plus(Duration.ofMinutes(10)))
                .isBeforeOrEqualTo(bySdk.expiration().plus(Duration.ofMinutes(1)));
    }

    @Test
    void aRoleThatDoesNotExistIsRefusedAlikeBothWays() {
        String missing = ROLE.substring(0, ROLE.indexOf(":role/") + 6) + "fanout-missing-it";
        SdkException bySdk =
                catchThrowableOfType(() -> sdk.assumeRole(request(missing)), SdkException.class);
        SdkException byDirect =
                catchThrowableOfType(() -> direct().assume(request(missing)), SdkException.class);

        assertThat(byDirect).hasSameClassAs(bySdk);
        assertThat(AwsFailures.classify(byDirect).code())
                .isEqualTo(AwsFailures.classify(bySdk).code())
                .isEqualTo(AwsFailures.ACCESS_DENIED);
    }
}
