package fanout.console.tui;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.setup.Connection;
import fanout.console.tui.setup.ConnectionProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample data for view tests: destinations in every state, a class snapshot, a connection. The fake
 * ports themselves are {@code Fake*} beside this class, one per port.
 */
public final class Fakes {
    public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private Fakes() {}

    public static DestinationStatus destination(String id, String name, DestinationState state) {
        boolean error = state == DestinationState.ERROR;
        return DestinationStatus.builder(id, state)
                .name(name)
                .active(state != DestinationState.INACTIVE)
                .reason(error ? "failed 12 over the window" : "")
                .fix(error ? "ask " + name + " to create the stream" : "")
                .delivered(state == DestinationState.OK || state == DestinationState.LAG ? 600 : 0)
                .failed(error ? 12 : 0)
                .throttled(state == DestinationState.LAG ? 7 : 0)
                .lagMs(
                        state == DestinationState.LAG
                                ? Long.valueOf(75_000L)
                                : state == DestinationState.OK ? Long.valueOf(850L) : null)
                .lastDeliveryAt(
                        state == DestinationState.OK || state == DestinationState.LAG
                                ? NOW.minusSeconds(40)
                                : null)
                .lastError(
                        error
                                ? "ResourceNotFoundException: Stream "
                                        + id
                                        + "Stream under account 210987654321 not found."
                                : null)
                .lastErrorCode(error ? "ResourceNotFoundException" : null)
                .lastErrorAt(error ? NOW.minusSeconds(30) : null)
                .lagNowMs(
                        state == DestinationState.LAG
                                ? Long.valueOf(75_000L)
                                : state == DestinationState.OK ? Long.valueOf(850L) : null)
                .action(
                        error
                                ? "aws kinesis create-stream --stream-name "
                                        + id
                                        + "Stream --shard-count 1 --region us-west-2"
                                : "")
                .notOkSince(
                        error || state == DestinationState.LAG || state == DestinationState.WAITING
                                ? NOW.minusSeconds(error ? 300 : 120)
                                : null)
                .recentDelivered(
                        state == DestinationState.OK || state == DestinationState.LAG ? 120 : 0)
                .recentErrors(error ? 3 : 0)
                .build();
    }

    /** The same row, written by {@code origin} (e.g. the Slack bot's {@code selfreg}). */
    public static DestinationStatus withOrigin(DestinationStatus row, String origin) {
        return row.toBuilder().origin(origin).build();
    }

    public static StatusSnapshot snapshot(List<DestinationStatus> destinations) {
        return StatusSnapshot.builder(NOW)
                .account("123456789012")
                .region("us-west-2")
                .function("fanout")
                .source("arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream")
                .windowSeconds(300)
                .dataAsOf(NOW.minusSeconds(60))
                .recordsIn(3000)
                .iteratorAgeMs(900L)
                .destinations(destinations)
                .build();
    }

    public static StatusSnapshot sampleClass() {
        return snapshot(
                List.of(
                        destination("ada1", "Ada Lovelace", DestinationState.OK),
                        destination("bob2", "Bob Barker", DestinationState.ERROR),
                        destination("cy03", "Cy Young", DestinationState.LAG),
                        destination("dee4", "Dee Dee Ramone", DestinationState.OK),
                        destination("eve5", "Eve Online", DestinationState.WAITING),
                        destination("fox6", "Fox Mulder", DestinationState.INACTIVE),
                        destination("gus7", "Gus Fring", DestinationState.ERROR)));
    }

    /**
     * A class one minute after a hook at TRIM_HORIZON: everyone delivered the backlog with the same
     * large lag, so the function is the cause, said once; one student's stream is missing.
     */
    public static StatusSnapshot backlogClass() {
        List<DestinationStatus> rows = new ArrayList<>();
        rows.add(destination("bob2", "Bob Barker", DestinationState.ERROR));
        for (String[] student :
                new String[][] {
                    {"ada1", "Ada Lovelace"}, {"cy03", "Cy Young"}, {"dee4", "Dee Dee Ramone"}
                }) {
            DestinationStatus ok = destination(student[0], student[1], DestinationState.OK);
            rows.add(
                    DestinationStatus.builder(ok.id(), ok.state())
                            .name(ok.name())
                            .helper(ok.helper())
                            .active(true)
                            .reason("2200 delivered in the last minute")
                            .fix("")
                            .delivered(2200)
                            .lagMs(71_000L)
                            .lastDeliveryAt(NOW.minusSeconds(40))
                            .lagNowMs(71_000L)
                            .recentDelivered(2200)
                            .build()
                            .asClassWide());
        }
        return snapshot(rows)
                .withCauses(
                        List.of(
                                new fanout.console.status.ClassCause(
                                        fanout.console.status.ClassCause.FUNCTION,
                                        3,
                                        4,
                                        "the class lags alike, so the cause is the function or the"
                                                + " source, not the students' streams: the function"
                                                + " is 0.3 s behind the source now (peak 71 s); 3"
                                                + " of 4 students lag about 71 s",
                                        "# nothing to fix: the function is catching up on a"
                                                + " backlog (a hook at TRIM_HORIZON replays the"
                                                + " source's retention) and IteratorAge is falling",
                                        List.of("ada1", "cy03", "dee4"))));
    }

    public static ConnectionProbe connection(boolean sandbox) {
        return () ->
                new Connection(
                        "123456789012",
                        "us-west-2",
                        sandbox ? "sandbox leader" : "arn:aws:iam::123456789012:user/leader",
                        sandbox,
                        "hello-retail",
                        "fanout",
                        List.of());
    }
}
