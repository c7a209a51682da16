package fanout.console.check;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixHintsTest {
    private static final String SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    private static final String FANOUT_ROLE = "arn:aws:iam::123456789012:role/fanoutRole";
    private final FixHints hints =
            new FixHints(
                    FANOUT_ROLE, "us-west-2", Optional.of("arn:aws:iam::*:role/*StreamWriter"));

    private static StudentCheck denied(String id) {
        return new StudentCheck(
                id,
                false,
                false,
                false,
                null,
                "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/fanoutRole/fanout is not authorized"
                        + " to perform: sts:AssumeRole on resource: ...",
                "");
    }

    private static Mapping withRole(String id, String role) {
        return Mapping.kinesis(SOURCE, id, id + "Stream").withRole(role, null);
    }

    @Test
    void aRoleOutsideTheAssumableRolesBlamesTheCoreAccountsPolicyNotTheStudent() {
        String fix =
                hints.fix(
                        denied("zz01"),
                        withRole("zz01", "arn:aws:iam::210987654321:role/zz01Writer"));

        assertThat(fix)
                .contains("core account's own policy")
                .contains("arn:aws:iam::*:role/*StreamWriter")
                .contains("fanout update --id zz01 --destination-role-arn")
                .doesNotContain("must trust");
    }

    @Test
    void aMatchingRoleThatCannotBeAssumedStillPointsAtTheStudentsTrustPolicy() {
        String fix =
                hints.fix(
                        denied("ab12"),
                        withRole("ab12", "arn:aws:iam::210987654321:role/ab12StreamWriter"));

        assertThat(fix).contains("must trust " + FANOUT_ROLE).doesNotContain("core account");
    }
}
