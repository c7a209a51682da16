package fanout.console.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.deploy.PolicyDocuments;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkshopPartitionTest {
    private final Workshop helloRetail = new WorkshopCatalog(Optional.empty()).load("hello-retail");

    @Test
    void theWorkshopsArnsTakeThePartitionOfTheirRegion() {
        assertThat(helloRetail.sourceStreamArn("123456789012", "cn-north-1"))
                .isEqualTo("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/coreRetailStream");
        assertThat(helloRetail.streamArn("ab12", "210987654321", "us-gov-west-1"))
                .isEqualTo("arn:aws-us-gov:kinesis:us-gov-west-1:210987654321:stream/ab12Stream");
        assertThat(helloRetail.roleArn("ab12", "210987654321", "cn-northwest-1"))
                .isEqualTo("arn:aws-cn:iam::210987654321:role/ab12StreamWriter");
        assertThat(helloRetail.streamArn("ab12", "210987654321", "us-west-2"))
                .isEqualTo("arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream");
    }

    @Test
    void theAssumableRolesAreInTheCoreRegionsPartition() {
        assertThat(helloRetail.assumableRoles("us-gov-west-1"))
                .isEqualTo("arn:aws-us-gov:iam::*:role/*StreamWriter");
        assertThat(
                        helloRetail.mayAssume(
                                "arn:aws-cn:iam::210987654321:role/ab12StreamWriter", "cn-north-1"))
                .isTrue();
        assertThat(helloRetail.mayAssume("arn:aws:iam::210987654321:role/zz01Writer", "us-west-2"))
                .isFalse();
    }

    @Test
    void theExecutionPolicyInChinaNamesOnlyChineseResources() {
        var policy =
                PolicyDocuments.execution(
                        new PolicyDocuments.ExecutionScope(
                                "123456789012",
                                "cn-north-1",
                                "fanout",
                                "fanoutTargets",
                                "fanoutState",
                                helloRetail.assumableRoles("cn-north-1"),
                                "Fanout",
                                false));

        policy.get("Statement")
                .forEach(
                        statement ->
                                statement
                                        .path("Resource")
                                        .forEach(
                                                resource -> {
                                                    String arn = resource.asText();
                                                    if (!arn.equals("*")) {
                                                        assertThat(arn).startsWith("arn:aws-cn:");
                                                    }
                                                }));
        assertThat(policy.toString()).doesNotContain("arn:aws:");
    }
}
