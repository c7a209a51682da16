package fanout.console.aws.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link InMemoryCloudWatch} keeps, per metric and at the resolution it was put with:
 * standard-resolution data in 1-minute buckets, high-resolution data ({@code StorageResolution=1})
 * in 1-second buckets that are rolled up into minutes after {@link #HIGH_RESOLUTION_RETENTION}, as
 * CloudWatch does; minutes older than {@link #RETENTION_MINUTES} are dropped. Thread-safe.
 */
final class MetricStore {
    /**
     * Minutes of data kept per metric. AWS keeps 1-minute data for 15 days; a sandbox class only
     * ever looks back half an hour, and a day-long class must not fill the heap.
     */
    static final long RETENTION_MINUTES = 6 * 60;

    /** How long CloudWatch keeps high-resolution data at sub-minute resolution. */
    static final Duration HIGH_RESOLUTION_RETENTION = Duration.ofHours(3);

    private final Map<MetricKey, Stored> metrics = new ConcurrentHashMap<>();

    /** Adds one datum's statistics at {@code at}, then expires what {@code now} makes too old. */
    void add(MetricKey key, Bucket sample, boolean highResolution, Instant at, Instant now) {
        Stored stored = metrics.computeIfAbsent(key, k -> new Stored());
        synchronized (stored) {
            if (highResolution) {
                stored.seconds.merge(at.getEpochSecond(), sample, Bucket::plus);
            } else {
                stored.minutes.merge(minuteOf(at), sample, Bucket::plus);
            }
            stored.expire(now);
        }
    }

    /** The metrics that have data (or had it). */
    List<MetricKey> keys() {
        return List.copyOf(metrics.keySet());
    }

    /** A copy of one metric's buckets, for one read. */
    Copy snapshot(MetricKey key) {
        Stored stored = metrics.get(key);
        if (stored == null) {
            return new Copy(new TreeMap<>(), new TreeMap<>());
        }
        synchronized (stored) {
            return new Copy(new TreeMap<>(stored.minutes), new TreeMap<>(stored.seconds));
        }
    }

    static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** Adds second buckets into {@code minutes}, each into its minute. */
    private static void rollUp(SortedMap<Long, Bucket> seconds, SortedMap<Long, Bucket> minutes) {
        seconds.forEach(
                (second, bucket) -> minutes.merge(Math.floorDiv(second, 60), bucket, Bucket::plus));
    }

    /** An unshared copy of one metric's buckets, by epoch minute and by epoch second. */
    record Copy(SortedMap<Long, Bucket> minutes, SortedMap<Long, Bucket> seconds) {
        /** Every bucket per minute: the seconds rolled up into their minutes. */
        TreeMap<Long, Bucket> perMinute() {
            TreeMap<Long, Bucket> all = new TreeMap<>(minutes);
            rollUp(seconds, all);
            return all;
        }
    }

    /** One metric's data, guarded by its own lock. */
    private static final class Stored {
        final SortedMap<Long, Bucket> minutes = new TreeMap<>();
        final SortedMap<Long, Bucket> seconds = new TreeMap<>();

        /** Rolls sub-minute data past its retention up into minutes, drops what is too old. */
        void expire(Instant now) {
            long highResolutionFrom = now.minus(HIGH_RESOLUTION_RETENTION).getEpochSecond();
            SortedMap<Long, Bucket> old = seconds.headMap(highResolutionFrom);
            rollUp(old, minutes);
            old.clear();
            minutes.headMap(minuteOf(now) - RETENTION_MINUTES).clear();
        }
    }
}
