package fanout.forward;

import fanout.record.PreparedRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One destination's delivery in a round, as its waiter sees it. */
final class DeliverySlot {
    /** How often a destination still queued is looked at again, to learn its turn. */
    private static final Duration NOT_STARTED_POLL = Duration.ofMillis(50);

    final Destination destination;
    final List<PreparedRecord> records;
    CompletableFuture<DestinationReport> future;
    volatile boolean started;
    volatile long sliceEnd;
    volatile long grace;

    DeliverySlot(Destination destination, List<PreparedRecord> records) {
        this.destination = destination;
        this.records = records;
    }

    /**
     * Waits until the invocation's end, or, for a trailing destination, its own end (its slice's,
     * or the trail's) and its grace once it has started: a call that hangs again (a student's
     * stream not answering) must not hold the invocation, and so the class, until the SDK's
     * timeout.
     */
    DestinationReport await(Trail trail, long waitEnd) {
        try {
            while (true) {
                long end = Math.min(waitEnd, cutAt(trail));
                if (!started) {
                    end = Math.min(end, System.nanoTime() + NOT_STARTED_POLL.toNanos());
                }
                try {
                    return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    if (now - waitEnd >= 0 || now - cutAt(trail) >= 0) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            if (!started) {
                return DestinationReport.notStarted(
                        destination.targetId(), DestinationDelivery.sequenceNumbers(records));
            }
            return owing(
                    new Problem(
                            DestinationPool.TIMEOUT,
                            "not done within the invocation's time budget"));
        } catch (ExecutionException e) {
            return owing(new Problem("InternalError", AwsFailures.describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return owing(new Problem("Interrupted", "interrupted"));
        }
    }

    /** When a started trailing destination is given up, {@link Long#MAX_VALUE} if never. */
    private long cutAt(Trail trail) {
        if (!started || sliceEnd == 0) {
            return Long.MAX_VALUE;
        }
        long trailEnd = trail.endNanos();
        long end = trailEnd == Long.MAX_VALUE ? sliceEnd : Math.min(sliceEnd, trailEnd);
        return end + grace;
    }

    /** Everything still owed: the destination stays behind from the first of these records. */
    private DestinationReport owing(Problem problem) {
        return DestinationReport.owing(
                destination.targetId(), DestinationDelivery.sequenceNumbers(records), problem);
    }
}
