package fanout.console.aws.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.policy.AccessRequest;
import fanout.console.aws.policy.Caller;
import fanout.console.deploy.PolicyDocuments;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.StsException;

class InMemoryIamTest {
    private static final String ACCOUNT = "123456789012";
    private static final String KINESIS_READ =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryIam iam = new InMemoryIam(ACCOUNT, clock);

    private String createRole(String name, String trust) {
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    private String fanoutRole() {
        return createRole("fanoutRole", PolicyDocuments.text(PolicyDocuments.lambdaTrust()));
    }

    @Test
    void aManagedPolicyCanBeAttachedListedAndDetachedAndGrantsWhatItsDocumentSays() {
        fanoutRole();
        iam.attachRolePolicy(r -> r.roleName("fanoutRole").policyArn(KINESIS_READ));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("fanoutRole")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(KINESIS_READ);
        Caller session = iam.session("fanoutRole", "fanout");
        assertThat(
                        session.decide(
                                        new AccessRequest(
                                                "kinesis:GetRecords",
                                                "arn:aws:kinesis:us-west-2:123456789012:stream/s"))
                                .name())
                .isEqualTo("ALLOWED");

        iam.detachRolePolicy(r -> r.roleName("fanoutRole").policyArn(KINESIS_READ));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("fanoutRole")).attachedPolicies())
                .isEmpty();
        assertThat(
                        session.decide(
                                        new AccessRequest(
                                                "kinesis:GetRecords",
                                                "arn:aws:kinesis:us-west-2:123456789012:stream/s"))
                                .name())
                .isEqualTo("IMPLICIT_DENY");
        assertThatThrownBy(
                        () ->
                                iam.attachRolePolicy(
                                        r ->
                                                r.roleName("fanoutRole")
                                                        .policyArn("arn:aws:iam::aws:policy/Nope")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aRoleWithAnAttachedPolicyCannotBeDeletedUntilItIsDetached() {
        fanoutRole();
        iam.attachRolePolicy(r -> r.roleName("fanoutRole").policyArn(KINESIS_READ));

        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("fanoutRole")))
                .isInstanceOf(DeleteConflictException.class)
                .hasMessageContaining("must detach all policies first");

        iam.detachRolePolicy(r -> r.roleName("fanoutRole").policyArn(KINESIS_READ));
        iam.deleteRole(r -> r.roleName("fanoutRole"));
        assertThat(iam.role("fanoutRole")).isEmpty();
    }

    @Test
    void inlinePoliciesOfARoleMayNotExceed10240CharactersTogether() {
        fanoutRole();
        String big =
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
                        + "b".repeat(6_000)
                        + "\"}]}";
        iam.putRolePolicy(r -> r.roleName("fanoutRole").policyName("one").policyDocument(big));

        assertThatThrownBy(
                        () ->
                                iam.putRolePolicy(
                                        r ->
                                                r.roleName("fanoutRole")
                                                        .policyName("two")
                                                        .policyDocument(big)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("10240");
        assertThat(iam.role("fanoutRole").orElseThrow().inlinePolicies()).containsOnlyKeys("one");
    }

    @Test
    void policyNamesFollowIamsRulesAndDocumentsMustBePolicies() {
        fanoutRole();
        for (String name : new String[] {"has space", "x".repeat(129), "slash/no"}) {
            assertThatThrownBy(
                            () ->
                                    iam.putRolePolicy(
                                            r ->
                                                    r.roleName("fanoutRole")
                                                            .policyName(name)
                                                            .policyDocument("{\"Statement\":[]}")))
                    .isInstanceOf(AwsServiceException.class)
                    .satisfies(
                            e ->
                                    assertThat(
                                                    ((AwsServiceException) e)
                                                            .awsErrorDetails()
                                                            .errorCode())
                                            .isEqualTo("ValidationError"));
        }
        assertThatThrownBy(
                        () ->
                                iam.putRolePolicy(
                                        r ->
                                                r.roleName("fanoutRole")
                                                        .policyName("p")
                                                        .policyDocument("nope")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
    }

    @Test
    void aTrustPolicyNamingARoleIsBoundToThatRoleSoARecreatedRoleIsNoLongerTrusted() {
        String fanout = fanoutRole();
        iam.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("assume")
                                .policyDocument(
                                        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                                + "\"Resource\":\"arn:aws:iam::*:role/*StreamWriter\"}}"));
        String student =
                createRole(
                        "ab12StreamWriter",
                        PolicyDocuments.text(
                                PolicyDocuments.studentTrust(fanout, Optional.empty())));
        InMemorySts asFunction = new InMemorySts(iam.session("fanoutRole", "fanout"), iam, clock);
        assertThat(
                        asFunction
                                .assumeRole(r -> r.roleArn(student).roleSessionName("s"))
                                .credentials())
                .isNotNull();
        String oldId = iam.role("fanoutRole").orElseThrow().roleId();

        iam.deleteRolePolicy(r -> r.roleName("fanoutRole").policyName("assume"));
        iam.deleteRole(r -> r.roleName("fanoutRole"));
        fanoutRole();
        iam.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("assume")
                                .policyDocument(
                                        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                                + "\"Resource\":\"arn:aws:iam::*:role/*StreamWriter\"}}"));

        assertThatThrownBy(
                        () -> asFunction.assumeRole(r -> r.roleArn(student).roleSessionName("s")))
                .isInstanceOf(StsException.class)
                .hasMessageContaining("not authorized to perform: sts:AssumeRole");
        assertThat(
                        PolicyDocuments.parse(
                                        iam.getRole(r -> r.roleName("ab12StreamWriter"))
                                                .role()
                                                .assumeRolePolicyDocument())
                                .toString())
                .contains(oldId)
                .doesNotContain(fanout);

        iam.updateAssumeRolePolicy(
                r ->
                        r.roleName("ab12StreamWriter")
                                .policyDocument(
                                        PolicyDocuments.text(
                                                PolicyDocuments.studentTrust(
                                                        fanout, Optional.empty()))));
        assertThat(
                        asFunction
                                .assumeRole(r -> r.roleArn(student).roleSessionName("s"))
                                .credentials())
                .as("saved again, the trust names the new role")
                .isNotNull();
    }

    @Test
    void assumeRoleNeedsTheCallersGrantAndTheExternalIdTheTrustPolicyAsksFor() {
        String fanout = fanoutRole();
        String student =
                createRole(
                        "ab12StreamWriter",
                        PolicyDocuments.text(
                                PolicyDocuments.studentTrust(fanout, Optional.of("class-7"))));
        InMemorySts asFunction = new InMemorySts(iam.session("fanoutRole", "fanout"), iam, clock);
        assertThatThrownBy(
                        () -> asFunction.assumeRole(r -> r.roleArn(student).roleSessionName("s")))
                .as("no sts:AssumeRole grant in the fan-out role's policy")
                .isInstanceOf(StsException.class)
                .hasMessageContaining(
                        "because no identity-based policy allows the sts:AssumeRole action");

        iam.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("assume")
                                .policyDocument(
                                        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                                + "\"Resource\":\""
                                                + student
                                                + "\"}}"));
        assertThatThrownBy(
                        () -> asFunction.assumeRole(r -> r.roleArn(student).roleSessionName("s")))
                .as("no external id")
                .isInstanceOf(StsException.class);
        assertThatThrownBy(
                        () ->
                                asFunction.assumeRole(
                                        r ->
                                                r.roleArn(student)
                                                        .roleSessionName("s")
                                                        .externalId("class-8")))
                .isInstanceOf(StsException.class);
        assertThat(
                        asFunction
                                .assumeRole(
                                        r ->
                                                r.roleArn(student)
                                                        .roleSessionName("s")
                                                        .externalId("class-7"))
                                .assumedRoleUser()
                                .arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/ab12StreamWriter/s");
    }

    @Test
    void aTrustPolicyNamingARoleThatDoesNotExistIsRefusedAsAnInvalidPrincipal() {
        assertThatThrownBy(
                        () ->
                                createRole(
                                        "ab12StreamWriter",
                                        PolicyDocuments.text(
                                                PolicyDocuments.studentTrust(
                                                        "arn:aws:iam::123456789012:role/fanoutRole",
                                                        Optional.empty()))))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Invalid principal");
    }
}
