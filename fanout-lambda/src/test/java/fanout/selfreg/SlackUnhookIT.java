package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import org.junit.jupiter.api.Test;

/**
 * {@code /unhook-stream}: only the student who registered a row removes it, and only for their
 * stream.
 */
class SlackUnhookIT extends SlackHandlerFixture {
    @Test
    void onlyTheStudentWhoRegisteredCanUnhookAndOnlyTheirOwnStream() throws Exception {
        send(hook("U1", ROLE, STREAM));
        SlackCommand byOther = new SlackCommand("/unhook-stream", STREAM, "U2", "bob", "T1", "");
        assertThat(text(send(byOther))).contains("was registered by another Slack user");
        SlackCommand otherStream =
                new SlackCommand(
                        "/unhook-stream",
                        STREAM.replace("us-west-2", "us-east-1"),
                        "U1",
                        "",
                        "T1",
                        "");
        assertThat(text(send(otherStream)))
                .isEqualTo("Not removed: ab12 is registered for another stream.");
        assertThat(row("ab12")).isNotEmpty();
        SlackCommand byOwner = new SlackCommand("/unhook-stream", STREAM, "U1", "ann", "T1", "");
        assertThat(text(send(byOwner))).startsWith("Unregistered ab12");
        assertThat(row("ab12")).isEmpty();
        assertThat(text(send(new SlackCommand("/unhook-stream", STREAM, "U1", "", "T1", ""))))
                .isEqualTo("Nothing to remove: ab12 is not registered.");
    }

    @Test
    void aRowTheLeaderRegisteredCannotBeUnhookedFromSlack() throws Exception {
        Mapping roster =
                Mapping.kinesis(SOURCE, "ab12", "ab12Stream")
                        .withRegion("us-west-2")
                        .withRole(ROLE, null)
                        .withPeople("Ann", null, "roster");
        dynamo.putItem(r -> r.tableName(targets).item(MappingCodec.toItem(roster)));
        assertThat(text(send(new SlackCommand("/unhook-stream", STREAM, "U1", "", "T1", ""))))
                .startsWith("Not removed: the workshop leader registered ab12");
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registered ab12");
        Mapping after = MappingCodec.fromItem(row("ab12"));
        assertThat(after.origin()).isEqualTo("roster");
        assertThat(after.name()).isEqualTo("Ann");
        assertThat(after.active()).isTrue();
    }
}
