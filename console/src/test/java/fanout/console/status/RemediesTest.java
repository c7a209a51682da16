package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import org.junit.jupiter.api.Test;

class RemediesTest {
    static final Remedies.Context CONTEXT =
            new Remedies.Context(
                    "fanout", "us-west-2", "arn:aws:iam::123456789012:role/fanoutRole", 20);

    @Test
    void aThrottledFunctionGetsConcurrencyAndAFailingOneItsLog() {
        assertThat(
                        Remedies.forFunction(
                                new FunctionHealth(90_000L, 95_000L, 0, 4, 900L, 1L), CONTEXT))
                .contains("Lambda throttled the function 4 times")
                .contains("aws lambda put-function-concurrency --function-name fanout");
        assertThat(
                        Remedies.forFunction(
                                new FunctionHealth(90_000L, 95_000L, 3, 0, 900L, 1L), CONTEXT))
                .contains("aws logs tail /aws/lambda/fanout --since 10m --region us-west-2");
    }

    @Test
    void aFallingIteratorAgeIsCatchingUpAndAFlatOneMayBeABacklogOrTooLittleParallelism() {
        assertThat(
                        Remedies.forFunction(
                                new FunctionHealth(30_000L, 95_000L, 0, 0, 900L, 1L), CONTEXT))
                .contains("nothing to fix");
        assertThat(
                        Remedies.forFunction(
                                new FunctionHealth(94_000L, 95_000L, 0, 0, 900L, 1L), CONTEXT))
                .contains("just hooked at TRIM_HORIZON?")
                .contains("--parallelization-factor 4 --region us-west-2");
    }

    @Test
    void inactiveIsActivateAndATypoIsTheEditKeyOrUpdate() {
        Mapping row =
                Mapping.kinesis(
                                "arn:aws:kinesis:us-west-2:123456789012:stream/s",
                                "ab12",
                                "ab12Stream")
                        .withRole("arn:aws:iam::210987654321:role/ab12StreamWritr", null);
        assertThat(Remedies.forRow(DestinationState.INACTIVE, null, row, CONTEXT))
                .isEqualTo("./fanout activate --id ab12");
        assertThat(Remedies.forRow(DestinationState.ERROR, "InvalidMapping", row, CONTEXT))
                .contains("press e in the detail view")
                .contains("./fanout update --id ab12 --destination-role-arn");
        assertThat(Remedies.forRow(DestinationState.OK, null, row, CONTEXT)).isEmpty();
    }
}
