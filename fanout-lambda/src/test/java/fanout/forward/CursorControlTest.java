package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.control.CursorControl;
import fanout.state.Cursor;
import fanout.state.ShardPosition;
import fanout.testing.FakeKinesis;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The leader's skip and replay move one student's cursor; the forwarder follows. */
class CursorControlTest {
    private final Harness h = new Harness();
    private CursorControl control;

    @AfterEach
    void close() {
        h.close();
    }

    private CursorControl control() {
        if (control == null) {
            control = new CursorControl(h.state, h.source, source -> h.mappings);
        }
        return control;
    }

    @Test
    void skipToLatestDropsWhatAStudentOwedAndTheyGetLiveBatchesAgain() {
        h.target("ok", "sOk");
        h.target("left", "sLeft");
        h.kinesis.throttled("sLeft");
        h.forward(Records.range(1, 5, "k"));
        assertThat(h.state.cursor("left").owed()).isEqualTo(5);

        var moved = control().skip(Records.SOURCE_ARN, "left");

        assertThat(moved).singleElement().satisfies(m -> assertThat(m.owedBefore()).isEqualTo(5));
        assertThat(h.state.cursor("left").position()).isEqualTo(ShardPosition.latest());
        h.kinesis.behave("sLeft", new FakeKinesis.Behavior() {});
        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE); // it took nothing: it waits this long
        h.forward(Records.range(6, 7, "k"));
        assertThat(h.kinesis.written("sLeft")).containsExactly("r6", "r7");
        assertThat(h.state.cursor("left")).isNull();
    }

    @Test
    void replayFromATimeSendsThoseRecordsAgainFromTheSourceInOrder() {
        h.target("a", "sA");
        h.target("b", "sB");
        h.forward(Records.range(1, 4, "k"));
        Instant since = Records.ARRIVAL.minus(Duration.ofMinutes(1));

        control().replay(Records.SOURCE_ARN, "a", since);
        Cursor cursor = h.state.cursor("a");
        assertThat(cursor.position()).isEqualTo(ShardPosition.since(since));
        assertThat(cursor.epoch()).isEqualTo(1);
        h.forward(Records.range(5, 6, "k"));

        assertThat(h.kinesis.written("sA"))
                .containsExactly("r1", "r2", "r3", "r4", "r1", "r2", "r3", "r4", "r5", "r6");
        assertThat(h.kinesis.written("sB")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.state.cursor("a")).isNull();
    }

    @Test
    void aControlChangeWinsOverAForwarderThatCouldNotWriteItsCursors() {
        h.target("a", "sA");
        h.kinesis.throttled("sA");
        h.forward(Records.range(1, 2, "k"));
        h.state.failing = true;
        h.forward(Records.range(3, 4, "k")); // the container now knows more than the table
        h.state.failing = false;

        control().skip(Records.SOURCE_ARN, "a");
        h.kinesis.behave("sA", new FakeKinesis.Behavior() {});
        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE); // it took nothing: it waits this long
        h.forward(Records.range(5, 5, "k"));

        assertThat(h.kinesis.written("sA")).as("skipped, not replayed").containsExactly("r5");
    }

    @Test
    void anUnknownIdIsRefusedNamingIt() {
        h.target("a", "sA");
        assertThatThrownBy(() -> control().skip(Records.SOURCE_ARN, "zz99"))
                .isInstanceOf(CursorControl.NotRegisteredException.class)
                .hasMessageContaining("zz99");
    }
}
