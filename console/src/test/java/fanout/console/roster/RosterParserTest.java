package fanout.console.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RosterParserTest {
    private final RosterParser parser = new RosterParser();

    private ParsedRoster parse(String text) {
        return parser.parse(new StringReader(text));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() {
        ParsedRoster roster = parse("\uFEFFid,account\nab12,111122223333\n");
        assertThat(roster.problems()).isEmpty();
        assertThat(roster.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.get("id")).contains("ab12"));
    }

    @Test
    void crlfLineEndsGiveTheSameRowsAndLineNumbersAsLf() {
        ParsedRoster roster = parse("id,account\r\nab12,111122223333\r\ncd34,111122223333\r\n");
        assertThat(roster.rows()).extracting(RawRow::line).containsExactly(2, 3);
        assertThat(roster.rows().get(1).get("account")).contains("111122223333");
    }

    @Test
    void quotedCellsMayHoldCommasAndDoubledQuotes() {
        ParsedRoster roster = parse("id,name\nab12,\"Byron, Ada \"\"Countess\"\"\"\n");
        assertThat(roster.problems()).isEmpty();
        assertThat(roster.rows().get(0).get("name")).contains("Byron, Ada \"Countess\"");
    }

    @Test
    void blankLinesAreIgnoredAndLineNumbersStillMatchTheFile() {
        ParsedRoster roster = parse("id,account\n\nab12,111122223333\n\n   \ncd34,111122223333\n");
        assertThat(roster.problems()).isEmpty();
        assertThat(roster.rows()).extracting(RawRow::line).containsExactly(3, 6);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        ParsedRoster roster = parse("ID, Account ,REGION\nab12,111122223333,us-east-1\n");
        assertThat(roster.rows().get(0).values())
                .containsEntry("id", "ab12")
                .containsEntry("account", "111122223333")
                .containsEntry("region", "us-east-1");
    }

    @Test
    void aMissingHeaderIsReportedOnLineOneWithTheExpectedHeader() {
        ParsedRoster roster = parse("ab12,111122223333,us-west-2\n");
        assertThat(roster.rows()).isEmpty();
        assertThat(roster.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(1);
                            assertThat(p.describe())
                                    .contains("no header row")
                                    .contains("id,account,region,name,helper");
                        });
    }

    @Test
    void unknownColumnsGiveOneWarningNamingThemAllAndAreKeptAsExtras() {
        ParsedRoster roster =
                parse(
                        "id,account,Team,shirt,sandbox\nab12,111122223333,red,L,denied-role\ncd34,111122223333,blue,M,\n");
        assertThat(roster.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w).contains("Team, shirt").doesNotContain("sandbox"));
        assertThat(roster.rows().get(0).extras())
                .containsEntry("sandbox", "denied-role")
                .containsEntry("team", "red");
        assertThat(roster.problems()).isEmpty();
    }

    @Test
    void aColumnNamedTwiceIsAProblemWithItsPosition() {
        ParsedRoster roster = parse("id,account,ID\nab12,111122223333,x\n");
        assertThat(roster.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(1);
                            assertThat(p.columnNumber()).isEqualTo(3);
                            assertThat(p.message()).contains("appears twice");
                        });
    }

    @Test
    void aLineWithMoreCellsThanTheHeaderHintsAtQuoting() {
        ParsedRoster roster = parse("id,name\nab12,Byron, Ada\n");
        assertThat(roster.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(2);
                            assertThat(p.describe())
                                    .contains("3 cells")
                                    .contains("quote cells that contain a comma");
                        });
    }

    @Test
    void anUnclosedQuoteIsAProblemNotACrash() {
        ParsedRoster roster = parse("id,name\nab12,\"Ada\ncd34,Charles\n");
        assertThat(roster.problems())
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p.describe())
                                        .contains("not valid CSV")
                                        .contains("close the quoted cell"));
    }

    @Test
    void anEmptyFileSaysSo() {
        assertThat(parse("").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty"));
    }

    @Test
    void tenThousandRowsAreReadAndOneMoreIsRefused() {
        StringBuilder text = new StringBuilder("id,account\n");
        for (int i = 0; i < RosterParser.MAX_ROWS; i++) {
            text.append(String.format("s%03d,111122223333%n", i));
        }
        ParsedRoster full = parse(text.toString());
        assertThat(full.rows()).hasSize(10_000);
        assertThat(full.problems()).isEmpty();
        assertThat(full.rows().get(9_999).line()).isEqualTo(10_001);
        ParsedRoster over = parse(text + "zzzz,111122223333\n");
        assertThat(over.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(10_002);
                            assertThat(p.message()).contains("more than 10000");
                        });
    }

    @Test
    void aFileThatIsNotUtf8IsAProblemWithAFix() {
        byte[] latin1 =
                "id,name\nab12,Andr\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.Reader reader =
                new java.io.InputStreamReader(
                        new java.io.ByteArrayInputStream(latin1),
                        java.nio.charset.StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
        ParsedRoster roster = parser.parse(reader);
        assertThat(roster.problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.describe()).contains("not UTF-8").contains("CSV UTF-8"));
    }

    @Test
    void aHeaderWithoutStudentsIsAWarning() {
        ParsedRoster roster = parse("id,account\r\n\r\n");
        assertThat(roster.problems()).isEmpty();
        assertThat(roster.warnings()).containsExactly("the roster has a header but no students");
    }
}
