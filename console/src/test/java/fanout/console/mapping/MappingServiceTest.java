package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.CLOCK;
import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.problem.BadInputException;
import fanout.mapping.Mapping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingServiceTest {
    private static final String ROLE = "arn:aws:iam::210987654321:role/ab12StreamWriter";
    private static final String STREAM = "arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream";

    private final InMemoryMappingRepository repository = new InMemoryMappingRepository(CLOCK);
    private final MappingService service = new MappingService(repository);

    private static TargetFields.Builder seed() {
        return TargetFields.builder()
                .region("us-west-2")
                .active(true)
                .parallel(false)
                .role(ROLE)
                .destination(STREAM);
    }

    private static void assertUsage(Runnable action, String... parts) {
        assertThatThrownBy(action::run)
                .isInstanceOf(BadInputException.class)
                .message()
                .contains(parts);
    }

    @Test
    void theSeedsRegistrationStoresTheStreamNameAndEveryFlag() {
        RegisterResult result = service.register(SOURCE, "kinesis", "ab12", seed().build(), false);
        Mapping m = result.mapping();
        assertThat(m.destination()).isEqualTo("ab12Stream");
        assertThat(m.region()).isEqualTo("us-west-2");
        assertThat(m.role()).isEqualTo(ROLE);
        assertThat(m.active()).isTrue();
        assertThat(m.parallel()).isFalse();
        assertThat(m.origin()).isEqualTo("cli");
        assertThat(m.type()).isEqualTo("kinesis");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void registerKeepsTheOriginalsDefaults() {
        Mapping m =
                service.register(
                                SOURCE,
                                "kinesis",
                                "ab12",
                                TargetFields.builder().destination("s").build(),
                                false)
                        .mapping();
        assertThat(m.active()).isFalse();
        assertThat(m.parallel()).isTrue();
    }

    @Test
    void otherTargetTypesOfTheOriginalAreRefused() {
        for (String type :
                List.of("firehose", "sqs", "sns", "lambda", "iot", "es", "memcached", "redis")) {
            assertUsage(
                    () -> service.register(SOURCE, type, "ab12", seed().build(), false),
                    "unsupported target type '"
                            + type
                            + "': this fanout forwards to kinesis streams");
        }
    }

    @Test
    void anExistingIdNeedsOverwriteAndOverwriteKeepsCreatedAt() {
        service.register(SOURCE, "kinesis", "ab12", seed().build(), false);
        assertThatThrownBy(() -> service.register(SOURCE, "kinesis", "ab12", seed().build(), false))
                .isInstanceOf(MappingExistsException.class);
        RegisterResult replaced =
                service.register(SOURCE, "kinesis", "ab12", seed().parallel(true).build(), true);
        assertThat(replaced.replaced()).isTrue();
        assertThat(replaced.mapping().parallel()).isTrue();
        assertThat(replaced.mapping().version()).isEqualTo(2);
    }

    @Test
    void updateWritesTheRoleAndEveryOtherFlagGiven() {
        service.register(SOURCE, "kinesis", "ab12", seed().build(), false);
        String newRole = "arn:aws:iam::210987654321:role/other";
        UpdateResult result =
                service.update(
                        SOURCE,
                        "ab12",
                        TargetFields.builder()
                                .role(newRole)
                                .externalId("class-42")
                                .name("Ada")
                                .deaggregate(true)
                                .build());
        assertThat(result.after().role()).isEqualTo(newRole);
        assertThat(result.after().externalId()).isEqualTo("class-42");
        assertThat(result.after().name()).isEqualTo("Ada");
        assertThat(result.after().deaggregate()).isTrue();
        assertThat(repository.get(SOURCE, "ab12").orElseThrow().role()).isEqualTo(newRole);
    }

    @Test
    void updatingAnUnknownIdSaysSo() {
        assertThatThrownBy(() -> service.update(SOURCE, "zz99", seed().build()))
                .hasMessageContaining("no mapping 'zz99'");
    }

    @Test
    void validationNamesTheFlagAndTheArnPart() {
        assertUsage(
                () -> service.register(SOURCE, "kinesis", "a b", seed().build(), false),
                "--id",
                "'a b'");
        assertUsage(
                () ->
                        service.register(
                                SOURCE, "kinesis", "ab12", seed().region("uswest2").build(), false),
                "--destination-region",
                "'uswest2'");
        assertUsage(
                () ->
                        service.register(
                                SOURCE,
                                "kinesis",
                                "ab12",
                                seed().role("arn:aws:iam::21098765432:role/x").build(),
                                false),
                "--destination-role-arn",
                "account '21098765432'");
        assertUsage(
                () ->
                        service.register(
                                SOURCE,
                                "kinesis",
                                "ab12",
                                seed().destination("arn:aws:kinesis:us-west-2:210987654321:stream/")
                                        .build(),
                                false),
                "--destination",
                "stream name ''");
        assertUsage(
                () ->
                        service.register(
                                SOURCE,
                                "kinesis",
                                "ab12",
                                seed().destination(
                                                "arn:aws:kinesis:us-east-1:210987654321:stream/s")
                                        .build(),
                                false),
                "--destination",
                "region 'us-east-1'",
                "differs from --destination-region us-west-2");
        assertUsage(
                () ->
                        service.register(
                                SOURCE,
                                "kinesis",
                                "ab12",
                                TargetFields.builder().destination("s").externalId("abc").build(),
                                false),
                "--external-id needs --destination-role-arn");
        assertUsage(
                () ->
                        service.register(
                                SOURCE, "kinesis", "ab12", TargetFields.builder().build(), false),
                "--destination is required");
    }

    @Test
    void aStreamInAnotherAccountThanTheRoleIsAWarningNotAFailure() {
        RegisterResult result =
                service.register(
                        SOURCE,
                        "kinesis",
                        "ab12",
                        seed().role("arn:aws:iam::111122223333:role/w").build(),
                        false);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("account 210987654321")
                .contains("account 111122223333");
    }

    @Test
    void activationTakesOneIdAListOrAllAndReportsMissingIds() {
        for (String id : List.of("ab12", "cd34", "ef56")) {
            service.register(
                    SOURCE,
                    "kinesis",
                    id,
                    TargetFields.builder().destination(id + "Stream").build(),
                    false);
        }
        BulkResult some = service.setActive(SOURCE, IdSelection.of(List.of("ab12", "zz99")), true);
        assertThat(some.changed()).containsExactly("ab12");
        assertThat(some.missing()).containsExactly("zz99");
        BulkResult all = service.setActive(SOURCE, IdSelection.all(), true);
        assertThat(all.changed()).containsExactly("cd34", "ef56");
        assertThat(all.unchanged()).containsExactly("ab12");
        assertThat(service.list(Optional.of(SOURCE))).allMatch(Mapping::active);
    }

    @Test
    void unregisterRemovesTheGivenIds() {
        for (String id : List.of("ab12", "cd34", "ef56")) {
            service.register(
                    SOURCE,
                    "kinesis",
                    id,
                    TargetFields.builder().destination(id + "Stream").build(),
                    false);
        }
        BulkResult result = service.unregister(SOURCE, IdSelection.of(List.of("ab12", "cd34")));
        assertThat(result.changed()).containsExactly("ab12", "cd34");
        assertThat(service.list(Optional.empty())).extracting(Mapping::id).containsExactly("ef56");
    }
}
