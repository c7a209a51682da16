package fanout.console.roster;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RosterValidatorTest {
    private static final Workshop HELLO_RETAIL =
            new WorkshopCatalog(Optional.empty()).load("hello-retail");

    private final List<RosterProblem> problems = new ArrayList<>();

    private List<RosterRow> validate(String csv) {
        ParsedRoster parsed = new RosterParser().parse(new StringReader(csv));
        problems.addAll(parsed.problems());
        return new RosterValidator(HELLO_RETAIL).validate(parsed, problems);
    }

    private String only() {
        assertThat(problems).hasSize(1);
        return problems.get(0).describe();
    }

    @Test
    void streamAndRoleAreFilledFromTheWorkshopTemplatesWithItsDefaults() {
        List<RosterRow> rows = validate("id,account,name\nab12,111122223333,Ada Byron\n");
        assertThat(problems).isEmpty();
        RosterRow row = rows.get(0);
        assertThat(row.streamArn())
                .isEqualTo("arn:aws:kinesis:us-west-2:111122223333:stream/ab12Stream");
        assertThat(row.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/ab12StreamWriter");
        assertThat(row.region()).isEqualTo("us-west-2");
        assertThat(row.parallel()).isFalse();
        assertThat(row.name()).isEqualTo("Ada Byron");
    }

    @Test
    void aStreamGivenByNameIsPlacedInTheRowsAccountAndRegion() {
        List<RosterRow> rows =
                validate(
                        "id,account,region,stream,parallel\nab12,111122223333,eu-west-1,retail,TRUE\n");
        assertThat(rows.get(0).streamArn())
                .isEqualTo("arn:aws:kinesis:eu-west-1:111122223333:stream/retail");
        assertThat(rows.get(0).parallel()).isTrue();
    }

    @Test
    void withStreamAndRoleArnsTheAccountMayBeLeftOut() {
        List<RosterRow> rows =
                validate(
                        "id,stream,role\nab12,arn:aws:kinesis:us-east-1:111122223333:stream/s,arn:aws:iam::111122223333:role/ab12StreamWriter\n");
        assertThat(problems).isEmpty();
        assertThat(rows.get(0).account()).isEqualTo("111122223333");
        assertThat(rows.get(0).region()).isEqualTo("us-east-1");
    }

    @Test
    void aRowWithNeitherAccountNorArnsIsInvalid() {
        assertThat(validate("id,name\nab12,Ada\n")).isEmpty();
        assertThat(only())
                .contains("line 2")
                .contains("no account")
                .contains("fill the account column");
    }

    @Test
    void anIdOutsideTheWorkshopPatternNamesThePattern() {
        validate("id,account\nab-12,111122223333\n");
        assertThat(only()).contains("line 2, column 1 (id)").contains("^[a-zA-Z0-9]{4}$");
    }

    @Test
    void anEmptyIdIsReported() {
        validate("id,account\n,111122223333\n");
        assertThat(only()).contains("line 2").contains("id is empty");
    }

    @Test
    void badAccountsSayHowManyDigitsTheyHave() {
        validate("id,account\nab12,11112222333\ncd34,1111-2222-3333\n");
        assertThat(problems)
                .extracting(RosterProblem::describe)
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .contains("line 2, column 2 (account)")
                                        .contains("it has 11 digits"))
                .anySatisfy(p -> assertThat(p).contains("line 3").contains("no dashes"));
    }

    @Test
    void badRegionsAreNamed() {
        validate("id,account,region\nab12,111122223333,us-west\n");
        assertThat(only()).contains("column 3 (region)").contains("'us-west' is not a region");
    }

    @Test
    void eachBadPartOfAStreamArnIsNamed() {
        String header = "id,account,stream\n";
        String[][] cases = {
            {"arn:aws:sqs:us-west-2:111122223333:stream/s", "service 'sqs'"},
            {"arn:aws:kinesis:uswest2:111122223333:stream/s", "region 'uswest2'"},
            {"arn:aws:kinesis:us-west-2:1111:stream/s", "account '1111'"},
            {"arn:aws:kinesis:us-west-2:111122223333:table/s", "resource 'table'"},
            {"arn:aws:kinesis:us-west-2:111122223333:stream/bad name", "stream name 'bad name'"},
            {"arn:awz:kinesis:us-west-2:111122223333:stream/s", "partition 'awz'"},
            {"arn:aws:kinesis", "is not an ARN"},
            {"bad/name", "is not a stream name"},
        };
        for (String[] c : cases) {
            problems.clear();
            validate(header + "ab12,111122223333,\"" + c[0] + "\"\n");
            assertThat(only()).as(c[0]).contains("column 3 (stream)").contains(c[1]);
        }
    }

    @Test
    void eachBadPartOfARoleArnIsNamed() {
        String[][] cases = {
            {"arn:aws:iam:us-west-2:111122223333:role/w", "must be empty: IAM is global"},
            {"arn:aws:iam::11112222333:role/w", "account '11112222333'"},
            {"arn:aws:iam::111122223333:user/w", "resource 'user'"},
            {"arn:aws:s3::111122223333:role/w", "service 's3'"},
        };
        for (String[] c : cases) {
            problems.clear();
            validate("id,account,role\nab12,111122223333," + c[0] + "\n");
            assertThat(only()).as(c[0]).contains("column 3 (role)").contains(c[1]);
        }
    }

    @Test
    void aStreamArnInAnotherAccountThanTheAccountColumnIsAProblem() {
        validate(
                "id,account,stream\nab12,111122223333,arn:aws:kinesis:us-west-2:444455556666:stream/s\n");
        assertThat(only()).contains("differs from the account column");
    }

    @Test
    void duplicatedIdsNameBothLinesAndNeitherIsWritten() {
        List<RosterRow> rows =
                validate("id,account\nab12,111122223333\ncd34,111122223333\nab12,444455556666\n");
        assertThat(rows).extracting(RosterRow::id).containsExactly("cd34");
        assertThat(problems)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.describe()).contains("'ab12' is on lines 2 and 4"));
        assertThat(problems).extracting(RosterProblem::line).containsExactly(2, 4);
    }

    @Test
    void duplicatedDestinationStreamsNameBothLines() {
        validate("id,account,stream\nab12,111122223333,shared\ncd34,111122223333,shared\n");
        assertThat(problems)
                .hasSize(2)
                .allSatisfy(
                        p ->
                                assertThat(p.describe())
                                        .contains(
                                                "stream 'arn:aws:kinesis:us-west-2:111122223333:stream/shared' is on lines 2 and 3"));
    }

    @Test
    void aParallelThatIsNotABooleanIsReported() {
        validate("id,account,parallel\nab12,111122223333,maybe\n");
        assertThat(only()).contains("column 3 (parallel)").contains("'maybe' is not true or false");
    }

    @Test
    void theSandboxColumnIsKeptOnTheRow() {
        List<RosterRow> rows = validate("id,account,sandbox\nab12,111122223333,denied-role\n");
        assertThat(rows.get(0).extra("sandbox")).isEqualTo("denied-role");
    }

    @Test
    void theSampleRosterIsValid() throws Exception {
        try (var in =
                new WorkshopCatalog(Optional.empty())
                        .sampleRoster("hello-retail", "sample-class.csv")
                        .orElseThrow()) {
            validate(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void tenThousandStudentsValidateWithUniqueTemplatedStreams() {
        StringBuilder csv = new StringBuilder("id,account\n");
        for (int i = 0; i < 10_000; i++) {
            String id = Integer.toString(46_656 + i, 36);
            csv.append(id)
                    .append(',')
                    .append(String.format("%012d", 100_000_000_000L + i))
                    .append('\n');
        }
        List<RosterRow> rows = validate(csv.toString());
        assertThat(problems).isEmpty();
        assertThat(rows).hasSize(10_000);
        assertThat(rows).extracting(RosterRow::streamArn).doesNotHaveDuplicates();
    }

    @Test
    void aRoleTheFanoutRoleMayNotAssumeIsRefusedOnItsLineAndColumnWithTheFix() {
        List<RosterRow> rows =
                validate(
                        "id,account,role\n"
                                + "ab12,111122223333,\n"
                                + "zz01,123456789012,arn:aws:iam::123456789012:role/zz01Writer\n");

        assertThat(rows).extracting(RosterRow::id).containsExactly("ab12");
        assertThat(only())
                .startsWith(
                        "line 3, column 3 (role): role arn:aws:iam::123456789012:role/zz01Writer")
                .contains("arn:aws:iam::*:role/*StreamWriter")
                .contains("assumableRolePattern")
                .contains(
                        "fix: use the student's role that matches it, e.g."
                                + " arn:aws:iam::123456789012:role/zz01StreamWriter");
    }

    @Test
    void aChineseClassGetsChineseArnsFromTheTemplates() {
        List<RosterRow> rows = validate("id,account,region\nab12,111122223333,cn-north-1\n");

        assertThat(problems).isEmpty();
        assertThat(rows.get(0).streamArn())
                .isEqualTo("arn:aws-cn:kinesis:cn-north-1:111122223333:stream/ab12Stream");
        assertThat(rows.get(0).roleArn())
                .isEqualTo("arn:aws-cn:iam::111122223333:role/ab12StreamWriter");
    }
}
