package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import org.junit.jupiter.api.Test;

/** {@code register} and {@code update}: the seed's commands verbatim, and every bad input named. */
class MappingCommandsIT extends MappingCommandsFixture {
    @Test
    void theSeedsRegisterCommandWorksVerbatim() {
        CommandRun run = registerSeed("ab12");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("registered ab12 -> ab12Stream");
        Mapping stored = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(stored.destination()).isEqualTo("ab12Stream");
        assertThat(stored.active()).isTrue();
        assertThat(stored.parallel()).isFalse();
        assertThat(stored.role()).isEqualTo("arn:aws:iam::210987654321:role/ab12StreamWriter");
    }

    @Test
    void registeringTheSameIdTwiceFailsUnlessOverwrite() {
        registerSeed("ab12");
        CommandRun again = registerSeed("ab12");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists").contains("--overwrite");
        CommandRun overwrite =
                run(
                        "register",
                        "kinesis",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "newStream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter",
                        "--overwrite");
        assertThat(overwrite.exitCode()).as(overwrite.toString()).isZero();
        assertThat(overwrite.out()).contains("replaced ab12 -> newStream");
    }

    @Test
    void anotherTargetTypeIsAUsageError() {
        CommandRun run =
                run(
                        "register",
                        "sqs",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "q");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("unsupported target type 'sqs': this fanout forwards to kinesis streams");
    }

    @Test
    void aBooleanFlagNeedsTrueOrFalse() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination",
                        "s",
                        "--active",
                        "yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--active").contains("yes");
    }

    @Test
    void aBadSourceArnNamesThePart() {
        CommandRun run = run("list", "--source-arn", "arn:aws:kinesis:us-west-2:12345:stream/core");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source-arn").contains("account '12345'");
    }

    @Test
    void withoutSourceArnTheWorkshopSourceInTheCallersAccountIsUsed() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--id",
                        "ab12",
                        "--destination",
                        "ab12Stream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repository.get(SOURCE, "ab12")).isPresent();
    }

    @Test
    void theOriginalsSourceAndSourceTypeFlagsNameAStreamInTheCallersAccount() {
        CommandRun run =
                run(
                        "register",
                        "kinesis",
                        "--source-type",
                        "kinesis",
                        "--source",
                        "coreRetailStream",
                        "--id",
                        "ab12",
                        "--destination",
                        "ab12Stream",
                        "--destination-role-arn",
                        "arn:aws:iam::123456789012:role/classStreamWriter");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repository.get(SOURCE, "ab12")).isPresent();
        CommandRun dynamo = run("list", "--source-type", "dynamodb", "--source", "orders");
        assertThat(dynamo.exitCode()).isEqualTo(2);
        assertThat(dynamo.err())
                .contains("--source-type dynamodb: this fanout reads kinesis streams only");
    }

    @Test
    void updateWritesTheRoleThatTheOriginalDropped() {
        registerSeed("ab12");
        CommandRun run =
                run(
                        "update",
                        "--source-arn",
                        SOURCE,
                        "--id",
                        "ab12",
                        "--destination-role-arn",
                        "arn:aws:iam::210987654321:role/fixedStreamWriter",
                        "--external-id",
                        "xid-1");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Mapping stored = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(stored.role()).isEqualTo("arn:aws:iam::210987654321:role/fixedStreamWriter");
        assertThat(stored.externalId()).isEqualTo("xid-1");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void aMissingTableIsExitThreeWithTheFix() {
        CommandRun run = CommandRun.of(sessions, "list", "--function", "absent");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains("table absentTargets does not exist in us-west-2: run `fanout deploy`");
    }
}
