package fanout.console.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.FanoutFixture;
import org.junit.jupiter.api.Test;

class IamStreamGrantsTest {
    private static final String STREAM = "arn:aws:kinesis:us-west-2:123456789012:stream/demoStream";
    private static final String GRANT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":[\"kinesis:PutRecords\",\"kinesis:DescribeStreamSummary\"],"
                    + "\"Resource\":\"arn:aws:kinesis:us-west-2:123456789012:stream/demo*\"}]}";

    private final FakeAws aws = new FakeAws((n, e, p, t) -> p, 0, 1);
    private final ManagedPolicies iam = new ManagedPolicies(aws.iamFake);

    private StreamGrant check() {
        aws.iam = iam;
        return new IamStreamGrants(aws, "fanout").check(STREAM);
    }

    @Test
    void theRoleDeployWritesGrantsNoStreamWrites() {
        FanoutFixture.deployFanout(aws);

        assertThat(check())
                .isEqualTo(new StreamGrant.Missing("fanoutRole", StreamGrants.WRITE_ACTIONS));
    }

    @Test
    void beforeDeployTheRoleToBeCreatedGrantsNothingEither() {
        assertThat(check()).isInstanceOf(StreamGrant.Missing.class);
    }

    @Test
    void anInlineGrantOnTheStreamCounts() {
        FanoutFixture.deployFanout(aws);
        aws.iamFake.putRolePolicy(
                r -> r.roleName("fanoutRole").policyName("write-own").policyDocument(GRANT));

        assertThat(check()).isEqualTo(new StreamGrant.Granted());
    }

    @Test
    void anAttachedManagedPolicyCountsAndAnExplicitDenyWins() {
        FanoutFixture.deployFanout(aws);
        iam.attach("arn:aws:iam::123456789012:policy/class-writes", GRANT);
        assertThat(check()).isEqualTo(new StreamGrant.Granted());

        iam.attach(
                "arn:aws:iam::123456789012:policy/no-puts",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                        + "\"Action\":\"kinesis:Put*\",\"Resource\":\"*\"}}");
        assertThat(check())
                .isEqualTo(
                        new StreamGrant.Missing(
                                "fanoutRole", java.util.List.of("kinesis:PutRecords")));
    }
}
