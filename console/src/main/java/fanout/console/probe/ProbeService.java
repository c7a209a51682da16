package fanout.console.probe;

import fanout.console.Session;
import fanout.console.aws.AwsErrors;
import fanout.console.mapping.MappingService;
import fanout.console.mapping.TableOption;
import fanout.console.problem.BadInputException;
import fanout.console.status.StatusService;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import fanout.state.LastError;
import fanout.state.ProbeAck;
import fanout.state.StateTable;
import fanout.time.Sleeper;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Sends a probe and waits for its acknowledgements: one tagged record written to the source with
 * PutRecord (the leader's identity needs {@code kinesis:PutRecord} on it), then the state table's
 * {@code probe#<probeId>} items read until every active student acknowledged or the timeout passed.
 */
public final class ProbeService {
    /** How often the acknowledgements are read while waiting. */
    static final Duration POLL = Duration.ofMillis(500);

    private final Session session;
    private final Sleeper sleeper;
    private final SecureRandom random = new SecureRandom();

    public ProbeService(Session session, Sleeper sleeper) {
        this.session = session;
        this.sleeper = sleeper;
    }

    /**
     * @param ids the students to probe; empty for every registered one
     * @param progress told after each read of the acknowledgements (the dashboard's live view)
     */
    public ProbeRun probe(List<String> ids, Duration timeout, Consumer<ProbeRun> progress) {
        String source = new StatusService(session).resolveSource(Optional.empty());
        List<Mapping> mappings = mappings(source);
        List<String> targets = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (Mapping mapping : mappings) {
            known.add(mapping.id());
            if (ids.isEmpty() || ids.contains(mapping.id())) {
                (mapping.active() ? targets : inactive).add(mapping.id());
            }
        }
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInputException(
                    "--ids: not registered for " + source + ": " + String.join(", ", unknown));
        }
        String probeId = HexFormat.of().formatHex(bytes(6));
        Instant sentAt = send(source, probeId);
        ProbeRun run =
                new ProbeRun(
                        probeId, source, sentAt, timeout, targets, inactive, Map.of(), Map.of());
        Instant deadline = sentAt.plus(timeout);
        while (true) {
            run = run.with(acks(probeId), errors(source));
            progress.accept(run);
            if (run.complete() || !session.clock().instant().isBefore(deadline)) {
                return run;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
        }
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private List<Mapping> mappings(String source) {
        try {
            return new MappingService(TableOption.repository(session, Optional.empty()))
                    .list(Optional.of(source));
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    "reading the class (dynamodb:Query " + session.targetsTable() + ")", e);
        }
    }

    private Instant send(String source, String probeId) {
        Instant now = session.clock().instant();
        byte[] payload = ProbeRecord.payload(session.workshop().probeTemplate(), probeId, now);
        try {
            session.aws()
                    .kinesis()
                    .putRecord(
                            b ->
                                    b.streamName(Arn.kinesisStream(source).shortName())
                                            .partitionKey(ProbeAck.partitionKeyOf(probeId))
                                            .data(SdkBytes.fromByteArray(payload)));
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    "writing the probe to "
                            + source
                            + " (kinesis:PutRecord; your identity needs"
                            + " it on the source stream)",
                    e);
        }
        return now;
    }

    private List<ProbeAck> acks(String probeId) {
        List<ProbeAck> acks = new ArrayList<>();
        query(ProbeAck.partitionKey(probeId), item -> acks.add(ProbeAck.fromItem(item)));
        return acks;
    }

    private Map<String, LastError> errors(String source) {
        Map<String, LastError> errors = new HashMap<>();
        query(
                LastError.partitionKey(source),
                item -> {
                    LastError error = LastError.fromItem(item);
                    errors.put(error.targetId(), error);
                });
        return errors;
    }

    private void query(String pk, Consumer<Map<String, AttributeValue>> each) {
        try {
            session.aws()
                    .dynamo()
                    .queryPaginator(
                            QueryRequest.builder()
                                    .tableName(session.stateTable())
                                    .keyConditionExpression("#pk = :pk")
                                    .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                                    .expressionAttributeValues(
                                            Map.of(":pk", AttributeValue.fromS(pk)))
                                    .consistentRead(true)
                                    .build())
                    .items()
                    .forEach(each);
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    "reading probe acknowledgements (dynamodb:Query " + session.stateTable() + ")",
                    e);
        }
    }
}
