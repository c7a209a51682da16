package fanout.console.tui;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.setup.Connection;
import fanout.console.tui.setup.ConnectionProbe;
import java.time.Instant;
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
