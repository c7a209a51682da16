package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.CLOCK;
import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.problem.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetAccessTest {
    private static final String PATTERN = "arn:aws:iam::*:role/*StreamWriter";
    private static final String OWN_STREAM =
            "arn:aws:kinesis:us-west-2:123456789012:stream/demoStream";

    private final InMemoryMappingRepository repository = new InMemoryMappingRepository(CLOCK);
    private final List<String> asked = new ArrayList<>();
    private StreamGrant answer = new StreamGrant.Missing("fanoutRole", StreamGrants.WRITE_ACTIONS);
    private final MappingService service =
            new MappingService(
                    repository,
                    new TargetAccess(
                            Optional.of(PATTERN),
                            stream -> {
                                asked.add(stream);
                                return answer;
                            }));

    private static BadInputException usage(Runnable action) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(BadInputException.class);
        return (BadInputException) thrown;
    }

    private RegisterResult register(String id, TargetFields fields) {
        return service.register(SOURCE, "kinesis", id, fields, false);
    }

    @Test
    void aRoleOutsideTheAssumableRolePatternIsRefusedNamingTheFlagAndTheFix() {
        BadInputException e =
                usage(
                        () ->
                                register(
                                        "zz01",
                                        TargetFields.builder()
                                                .destination("zz01Stream")
                                                .role("arn:aws:iam::123456789012:role/zz01Writer")
                                                .build()));

        assertThat(e.getMessage())
                .contains("--destination-role-arn")
                .contains("zz01Writer")
                .contains(PATTERN)
                .contains("assumableRolePattern");
        assertThat(repository.get(SOURCE, "zz01")).isEmpty();
    }

    @Test
    void aRoleLessTargetInAnotherAccountIsRefusedWithTheRoleToGive() {
        BadInputException e =
                usage(
                        () ->
                                register(
                                        "ab12",
                                        TargetFields.builder()
                                                .destination(
                                                        "arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream")
                                                .build()));

        assertThat(e.getMessage())
                .contains("--destination-role-arn is required")
                .contains("account 210987654321")
                .contains("arn:aws:iam::210987654321:role/ab12StreamWriter");
        assertThat(asked).as("refused before asking IAM").isEmpty();
    }

    @Test
    void aRoleLessTargetInTheCoreAccountIsRefusedUnlessTheFunctionsRoleMayWriteIt() {
        BadInputException e =
                usage(
                        () ->
                                register(
                                        "demo",
                                        TargetFields.builder().destination("demoStream").build()));

        assertThat(asked).containsExactly(OWN_STREAM);
        assertThat(e.getMessage())
                .contains("fanoutRole")
                .contains("kinesis:PutRecords and kinesis:DescribeStreamSummary")
                .contains(OWN_STREAM);

        answer = new StreamGrant.Granted();
        RegisterResult granted =
                register("demo", TargetFields.builder().destination("demoStream").build());
        assertThat(granted.mapping().role()).isNull();
        assertThat(granted.warnings()).isEmpty();
    }

    @Test
    void whenTheGrantCannotBeReadTheTargetIsRegisteredWithAWarningSayingWhatItNeeds() {
        answer = new StreamGrant.Unknown("AccessDenied: not authorized to iam:GetRolePolicy");

        RegisterResult result =
                register("demo", TargetFields.builder().destination("demoStream").build());

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("could not verify")
                .contains("iam:GetRolePolicy")
                .contains("kinesis:PutRecords");
    }

    @Test
    void clearingTheRoleOfARegisteredTargetIsCheckedButRenamingItIsNot() {
        answer = new StreamGrant.Granted();
        register(
                "ab12",
                TargetFields.builder()
                        .destination("arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream")
                        .role("arn:aws:iam::210987654321:role/ab12StreamWriter")
                        .build());
        answer = new StreamGrant.Missing("fanoutRole", StreamGrants.WRITE_ACTIONS);

        usage(() -> service.update(SOURCE, "ab12", TargetFields.builder().role("").build()));
        assertThat(
                        service.update(SOURCE, "ab12", TargetFields.builder().name("Ada").build())
                                .after()
                                .name())
                .isEqualTo("Ada");
        assertThatThrownBy(
                        () ->
                                service.update(
                                        SOURCE,
                                        "ab12",
                                        TargetFields.builder()
                                                .role("arn:aws:iam::210987654321:role/ab12Other")
                                                .build()))
                .hasMessageContaining("assumableRolePattern");
    }
}
