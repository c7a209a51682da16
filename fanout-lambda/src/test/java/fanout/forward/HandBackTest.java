package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.record.SourceRecord;
import fanout.state.LastError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transient failures that outlast the budget: hand-back, checkpoints, give-up. */
class HandBackTest {
    private final Harness h = new Harness();
    private final AtomicBoolean healthy = new AtomicBoolean(false);

    @AfterEach
    void close() {
        h.close();
    }

    /** Throttles records from r{from} on while not healthy. */
    private void throttleFrom(String stream, int from) {
        h.kinesis.behave(
                stream,
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        boolean late = Integer.parseInt(data.substring(1)) >= from;
                        return !healthy.get() && late
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });
    }

    @Test
    void theRetryDoesNotDuplicateToDestinationsThatAlreadyGotTheRecords() {
        h.budget = Duration.ofSeconds(3);
        h.target("a", "sA");
        h.orderedTarget("b", "sB");
        h.target("lagging", "sL");
        throttleFrom("sL", 3);
        List<SourceRecord> batch = Records.batch(5, "k1", "k2");

        List<String> first = h.forward(batch);

        assertThat(first).containsExactly(Records.sequence(3));
        assertThat(h.state.checkpoint("a").sequenceNumber()).isEqualTo(Records.sequence(5));
        assertThat(h.state.checkpoint("a").attempts()).isZero();
        assertThat(h.state.checkpoint("lagging").sequenceNumber()).isEqualTo(Records.sequence(2));
        assertThat(h.state.checkpoint("lagging").attempts()).isEqualTo(1);
        assertThat(h.state.errorsOf("lagging"))
                .extracting(LastError::code)
                .containsExactly("Throttled");

        // Lambda retries from the handed-back record, now with one more record behind it.
        healthy.set(true);
        List<SourceRecord> retry = Records.from(Records.batch(6, "k1", "k2"), 3);
        List<String> second = h.forward(retry);

        assertThat(second).isEmpty();
        assertThat(h.kinesis.written("sA")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.written("sB")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.written("sL")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.state.checkpoints).as("checkpoints cleaned up after success").isEmpty();
    }

    @Test
    void aDestinationStillBehindAfterTheMaximumHandBacksGivesUpThoseRecords() {
        h.budget = Duration.ofSeconds(2);
        h.maxBatchRetries = 2;
        h.target("ok", "sOk");
        h.target("broken", "sBroken");
        throttleFrom("sBroken", 1);
        List<SourceRecord> batch = Records.batch(3, "k");

        assertThat(h.forward(batch)).containsExactly(Records.sequence(1));
        assertThat(h.forward(batch)).containsExactly(Records.sequence(1));
        assertThat(h.state.checkpoint("broken").attempts()).isEqualTo(2);

        List<String> third = h.forward(batch);

        assertThat(third).isEmpty();
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 3));
        assertThat(h.kinesis.calls("sOk")).hasSize(1);
        List<LastError> errors = h.state.errorsOf("broken");
        assertThat(errors.get(errors.size() - 1).message())
                .startsWith("gave up after 2 retries: ")
                .contains("ProvisionedThroughputExceeded");
        assertThat(h.state.checkpoints).isEmpty();
    }

    @Test
    void aGivenUpDestinationIsCountedAsFailed() {
        DestinationReport owed =
                new DestinationReport(
                        "x",
                        1,
                        0,
                        4,
                        0,
                        0,
                        List.of(),
                        java.util.Set.of("1", "2"),
                        java.util.Optional.empty(),
                        java.util.Optional.of(new Problem("Throttled", "Rate exceeded")));

        DestinationReport given = owed.givenUp(3);

        assertThat(given.failed()).isEqualTo(2);
        assertThat(given.complete()).isTrue();
        assertThat(given.lastProblem())
                .hasValueSatisfying(
                        p ->
                                assertThat(p.message())
                                        .isEqualTo("gave up after 3 retries: Rate exceeded"));
    }

    @Test
    void theHandBackIsTheLowestRecordAnyDestinationStillOwes() {
        h.budget = Duration.ofSeconds(2);
        h.target("late4", "s4");
        h.target("late2", "s2");
        throttleFrom("s4", 4);
        throttleFrom("s2", 2);

        assertThat(h.forward(Records.batch(5, "k"))).containsExactly(Records.sequence(2));
        assertThat(h.state.checkpoint("late4").sequenceNumber()).isEqualTo(Records.sequence(3));
        assertThat(h.state.checkpoint("late2").sequenceNumber()).isEqualTo(Records.sequence(1));
    }
}
