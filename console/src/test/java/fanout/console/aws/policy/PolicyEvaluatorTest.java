package fanout.console.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.deploy.PolicyDocuments;
import fanout.console.deploy.PolicyDocuments.ExecutionScope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final String STATE = "arn:aws:dynamodb:us-west-2:123456789012:table/fanoutState";
    private static final List<String> EXECUTION =
            List.of(
                    PolicyDocuments.text(
                            PolicyDocuments.execution(
                                    new ExecutionScope(
                                            "123456789012",
                                            "us-west-2",
                                            "fanout",
                                            "fanoutTargets",
                                            "fanoutState",
                                            "arn:aws:iam::*:role/*StreamWriter",
                                            "Fanout",
                                            false))));

    @Test
    void nothingIsAllowedWithoutAStatementThatAllowsIt() {
        assertThat(PolicyEvaluator.evaluate(List.of(), new AccessRequest("dynamodb:Query", STATE)))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(EXECUTION, new AccessRequest("dynamodb:Scan", STATE)))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void theExecutionPolicyLetsTheForwarderWriteStateInBatches() {
        assertThat(
                        PolicyEvaluator.allows(
                                EXECUTION, new AccessRequest("dynamodb:BatchWriteItem", STATE)))
                .isTrue();
        assertThat(
                        PolicyEvaluator.allows(
                                EXECUTION,
                                new AccessRequest(
                                        "dynamodb:BatchWriteItem",
                                        "arn:aws:dynamodb:us-west-2:123456789012:table/other")))
                .isFalse();
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        String deny =
                "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}}";
        assertThat(
                        PolicyEvaluator.evaluate(
                                List.of(Caller.ALLOW_ALL, deny),
                                new AccessRequest("dynamodb:Query", STATE)))
                .isEqualTo(Decision.EXPLICIT_DENY);
    }

    @Test
    void actionsMatchWildcardsCaseInsensitivelyAndResourcesCaseSensitively() {
        String policy =
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kinesis:Get*\","
                        + "\"Resource\":\"arn:aws:kinesis:*:123456789012:stream/core?etailStream\"}]}";
        String stream = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(policy), new AccessRequest("KINESIS:getrecords", stream)))
                .isTrue();
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(policy),
                                new AccessRequest("kinesis:GetRecords", stream.toLowerCase())))
                .isFalse();
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(policy), new AccessRequest("kinesis:PutRecords", stream)))
                .isFalse();
    }

    @Test
    void putMetricDataIsAllowedOnlyInTheFunctionsOwnNamespace() {
        AccessRequest own =
                new AccessRequest(
                        "cloudwatch:PutMetricData", "*", Map.of("cloudwatch:namespace", "Fanout"));
        AccessRequest other =
                new AccessRequest(
                        "cloudwatch:PutMetricData",
                        "*",
                        Map.of("cloudwatch:namespace", "AWS/Lambda"));
        AccessRequest none = new AccessRequest("cloudwatch:PutMetricData", "*");
        assertThat(PolicyEvaluator.allows(EXECUTION, own)).isTrue();
        assertThat(PolicyEvaluator.allows(EXECUTION, other)).isFalse();
        assertThat(PolicyEvaluator.allows(EXECUTION, none)).isFalse();
    }

    @Test
    void theFanoutRoleMayAssumeOnlyRolesMatchingTheWorkshopsPattern() {
        assertThat(
                        PolicyEvaluator.allows(
                                EXECUTION,
                                new AccessRequest(
                                        "sts:AssumeRole",
                                        "arn:aws:iam::210987654321:role/ab12StreamWriter")))
                .isTrue();
        assertThat(
                        PolicyEvaluator.allows(
                                EXECUTION,
                                new AccessRequest(
                                        "sts:AssumeRole",
                                        "arn:aws:iam::123456789012:role/zz01Writer")))
                .isFalse();
    }

    @Test
    void anExternalIdConditionNeedsTheSameExternalId() {
        String trust =
                PolicyDocuments.text(
                        PolicyDocuments.studentTrust(
                                "arn:aws:iam::123456789012:role/fanoutRole",
                                Optional.of("class-7")));
        String withResource = trust.replace("\"Principal\"", "\"Resource\":\"*\",\"Principal\"");
        String role = "arn:aws:iam::210987654321:role/ab12StreamWriter";
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(withResource),
                                new AccessRequest(
                                        "sts:AssumeRole",
                                        role,
                                        Map.of("sts:ExternalId", "class-7"))))
                .isTrue();
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(withResource),
                                new AccessRequest(
                                        "sts:AssumeRole",
                                        role,
                                        Map.of("sts:ExternalId", "class-8"))))
                .isFalse();
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(withResource), new AccessRequest("sts:AssumeRole", role)))
                .isFalse();
    }

    @Test
    void notActionAllowsEverythingElse() {
        String policy =
                "{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}}";
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(policy), new AccessRequest("dynamodb:Query", STATE)))
                .isTrue();
        assertThat(
                        PolicyEvaluator.allows(
                                List.of(policy), new AccessRequest("iam:DeleteRole", "*")))
                .isFalse();
    }
}
