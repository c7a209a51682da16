package fanout.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The decode-and-transform-once step: turns a batch's source records into the user records every
 * destination sends. The forwarder calls it at most once per variant (deaggregate or not) per batch
 * and shares the result, so work scales with records, not records × destinations.
 *
 * <p>A transform that throws rejects only that record (its message becomes the rejection), so one
 * odd payload never fails the batch for everyone.
 */
public final class RecordPreparer {
    private final RecordTransform transform;

    public RecordPreparer(RecordTransform transform) {
        this.transform = Objects.requireNonNull(transform, "transform is required");
    }

    public RecordTransform transform() {
        return transform;
    }

    /**
     * @param deaggregate split KPL aggregates into their user records (each with its own keys and
     *     sub-sequence); when false, each source record is one user record, subSequence 0
     * @return the prepared records in source order (and sub-sequence order within an aggregate)
     */
    public List<PreparedRecord> prepare(List<SourceRecord> records, boolean deaggregate) {
        List<PreparedRecord> prepared = new ArrayList<>(records.size());
        for (SourceRecord source : records) {
            Optional<List<Deaggregator.UserRecord>> users =
                    deaggregate ? Deaggregator.decode(source.data()) : Optional.empty();
            if (users.isEmpty()) {
                prepared.add(
                        prepareOne(
                                source,
                                0,
                                source.eventId(),
                                source.partitionKey(),
                                null,
                                source.data()));
                continue;
            }
            List<Deaggregator.UserRecord> list = users.get();
            for (int index = 0; index < list.size(); index++) {
                Deaggregator.UserRecord user = list.get(index);
                prepared.add(
                        prepareOne(
                                source,
                                index,
                                userEventId(source, index),
                                user.partitionKey(),
                                user.explicitHashKey(),
                                user.data()));
            }
        }
        return prepared;
    }

    /**
     * Each user record of an aggregate gets its own event id, derived so a re-send carries the same
     * one: consumers that keep one record per event id would otherwise keep one per aggregate.
     */
    public static String userEventId(SourceRecord source, int subSequence) {
        return source.eventId() + ":" + subSequence;
    }

    private PreparedRecord prepareOne(
            SourceRecord source,
            int subSequence,
            String eventId,
            String partitionKey,
            String explicitHashKey,
            byte[] payload) {
        String keys = KinesisKeys.problem(partitionKey, explicitHashKey);
        if (keys != null) {
            return PreparedRecord.rejected(
                    source, subSequence, partitionKey, explicitHashKey, keys);
        }
        RecordTransform.Result result;
        try {
            result =
                    Objects.requireNonNull(
                            transform.apply(source, eventId, payload),
                            "the transform returned no result");
        } catch (RuntimeException e) {
            result =
                    new RecordTransform.Unsendable(
                            "transform " + transform.name() + " failed: " + e);
        }
        if (result instanceof RecordTransform.Transformed transformed) {
            return PreparedRecord.sendable(
                    source, subSequence, partitionKey, explicitHashKey, transformed.data());
        }
        RecordTransform.Unsendable unsendable = (RecordTransform.Unsendable) result;
        return PreparedRecord.rejected(
                source, subSequence, partitionKey, explicitHashKey, unsendable.reason());
    }
}
