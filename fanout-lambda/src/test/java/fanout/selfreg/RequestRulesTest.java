package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.selfreg.StudentRequest.Hook;
import fanout.selfreg.StudentRequest.Invalid;
import fanout.selfreg.StudentRequest.Unhook;
import org.junit.jupiter.api.Test;

class RequestRulesTest {
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    static final String ROLE = "arn:aws:iam::210987654321:role/ab12StreamWriter";
    static final String STREAM = "arn:aws:kinesis:us-west-2:210987654321:stream/ab12Stream";
    static final IdRule HELLO_RETAIL =
            IdRule.of(
                    "^([a-zA-Z0-9]{4})Stream$",
                    "^([a-zA-Z0-9]{4})StreamWriter$",
                    "your stage: 4 letters or digits, as in ab12Stream and ab12StreamWriter");

    private final RequestRules rules =
            new RequestRules(HELLO_RETAIL, "arn:aws:iam::*:role/*StreamWriter", SOURCE);

    private StudentRequest hook(String text) {
        return rules.read(new SlackCommand("/hook-stream", text, "U1", "ann", "T1", ""));
    }

    private String refusal(StudentRequest request) {
        assertThat(request).isInstanceOf(Invalid.class);
        return ((Invalid) request).message();
    }

    @Test
    void aRoleAndAStreamOfOneAccountWithTheSameIdAreAHook() {
        assertThat(hook(ROLE + " " + STREAM))
                .isInstanceOfSatisfying(
                        Hook.class,
                        h -> {
                            assertThat(h.id()).isEqualTo("ab12");
                            assertThat(h.stream().region()).isEqualTo("us-west-2");
                        });
    }

    @Test
    void theRegionComesFromTheStreamArn() {
        String east = STREAM.replace("us-west-2", "eu-central-1");
        assertThat(((Hook) hook(ROLE + " " + east)).stream().region()).isEqualTo("eu-central-1");
    }

    @Test
    void aWrongNumberOfArgumentsShowsTheUsage() {
        assertThat(refusal(hook(ROLE))).startsWith("usage: /hook-stream <role ARN> <stream ARN>");
        assertThat(refusal(rules.read(new SlackCommand("/unhook-stream", "", "U", "", "T", ""))))
                .startsWith("usage: /unhook-stream <stream ARN>");
    }

    @Test
    void aRoleArnThatDoesNotParseNamesTheArgumentAndThePart() {
        assertThat(refusal(hook("arn:aws:iam::2109:role/ab12StreamWriter " + STREAM)))
                .startsWith("the role ARN (first argument): account '2109'")
                .contains("must be 12 digits");
        assertThat(refusal(hook(STREAM + " " + STREAM)))
                .startsWith("the role ARN (first argument): service 'kinesis'");
    }

    @Test
    void aStreamArnThatDoesNotParseNamesTheArgumentAndThePart() {
        assertThat(refusal(hook(ROLE + " arn:aws:kinesis:mars:210987654321:stream/ab12Stream")))
                .startsWith("the stream ARN (second argument): region 'mars'");
    }

    @Test
    void roleAndStreamInDifferentAccountsAreRefused() {
        assertThat(refusal(hook(ROLE + " " + STREAM.replace("210987654321", "111122223333"))))
                .isEqualTo(
                        "the role is in account 210987654321 but the stream in account"
                                + " 111122223333: both must be in your own account");
    }

    @Test
    void aRoleOutsideTheAssumablePatternIsRefusedWithThePattern() {
        assertThat(refusal(hook("arn:aws:iam::210987654321:role/ab12Writer " + STREAM)))
                .startsWith(
                        "the fan-out role may only assume roles matching"
                                + " arn:aws:iam::*:role/*StreamWriter, and"
                                + " arn:aws:iam::210987654321:role/ab12Writer does not");
    }

    @Test
    void namesOutsideTheIdRuleAreRefusedWithTheRuleAndItsHelp() {
        assertThat(refusal(hook(ROLE + " " + STREAM.replace("ab12Stream", "myStream"))))
                .isEqualTo(
                        "stream name 'myStream' does not follow the workshop's rule"
                                + " (^([a-zA-Z0-9]{4})Stream$) (your stage: 4 letters or digits,"
                                + " as in ab12Stream and ab12StreamWriter)");
        assertThat(refusal(hook(ROLE.replace("ab12", "abc12") + " " + STREAM)))
                .startsWith("role name 'abc12StreamWriter' does not follow the workshop's rule");
    }

    @Test
    void aRoleAndAStreamCarryingDifferentIdsAreRefused() {
        assertThat(refusal(hook(ROLE.replace("ab12", "cd34") + " " + STREAM)))
                .startsWith(
                        "the role says your id is 'cd34' but the stream says 'ab12': both names"
                                + " must carry the same id");
    }

    @Test
    void theClassSourceStreamCannotBeRegisteredAsADestination() {
        IdRule any = IdRule.of("^(core)RetailStream$", "^(core)RetailStreamWriter$", "");
        RequestRules loose = new RequestRules(any, "arn:aws:iam::*:role/*StreamWriter", SOURCE);
        StudentRequest request =
                loose.read(
                        new SlackCommand(
                                "/hook-stream",
                                "arn:aws:iam::123456789012:role/coreRetailStreamWriter " + SOURCE,
                                "U",
                                "",
                                "T",
                                ""));
        assertThat(refusal(request)).startsWith("that is the class's source stream");
    }

    @Test
    void anUnknownCommandIsRefusedWithTheCommandsThereAre() {
        assertThat(refusal(rules.read(new SlackCommand("/hook", "x", "U", "", "T", ""))))
                .startsWith("unknown command '/hook': use /hook-stream or /unhook-stream");
    }

    @Test
    void anUnhookNeedsOnlyTheStreamAndTakesTheIdFromIt() {
        assertThat(rules.read(new SlackCommand("/unhook-stream", STREAM, "U", "", "T", "")))
                .isInstanceOfSatisfying(Unhook.class, u -> assertThat(u.id()).isEqualTo("ab12"));
    }
}
