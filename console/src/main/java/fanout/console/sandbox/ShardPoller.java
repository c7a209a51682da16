package fanout.console.sandbox;

import fanout.mapping.Arn;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * One shard of one event source mapping, as Lambda's poller serves it: one batch at a time, in
 * order; a reported item failure resumes at the lowest failed record, a function error retries the
 * whole batch. Its checkpoint survives a pause, so resume continues where it stopped.
 */
final class ShardPoller {
    private static final int DEFAULT_BATCH_SIZE = 100;
    private static final int MAX_GET_RECORDS = 10_000;

    private final String shardId;
    private final String functionName;
    private final String invokeIdentityArn;
    private final Polling polling;
    private volatile EventSourceMappingConfiguration mapping;
    private String iterator;
    private String checkpoint;
    private int retries;
    private String lastProblem;

    ShardPoller(
            EventSourceMappingConfiguration mapping,
            String shardId,
            String invokeIdentityArn,
            Polling polling) {
        this.mapping = mapping;
        this.functionName = Arn.functionName(mapping.functionArn());
        this.shardId = Objects.requireNonNull(shardId, "shardId");
        this.invokeIdentityArn = invokeIdentityArn;
        this.polling = Objects.requireNonNull(polling, "polling");
    }

    void update(EventSourceMappingConfiguration latest) {
        mapping = latest;
    }

    String shardId() {
        return shardId;
    }

    /** Reads the next batch, if any, and hands it to the function. */
    synchronized void poll() {
        EventSourceMappingConfiguration current = mapping;
        try {
            if (iterator == null) {
                iterator = openIterator(current);
            }
            GetRecordsResponse page =
                    polling.source()
                            .getRecords(
                                    GetRecordsRequest.builder()
                                            .shardIterator(iterator)
                                            .limit(Math.min(MAX_GET_RECORDS, batchSize(current)))
                                            .build());
            List<Record> records = page.records();
            if (records.isEmpty()) {
                iterator = page.nextShardIterator();
                polling.metrics().iteratorAge(functionName, 0);
                return;
            }
            InvocationOutcome outcome = invoke(current, records);
            settle(current, records, page.nextShardIterator(), outcome);
            if (outcome instanceof InvocationOutcome.Processed) {
                lastProblem = null;
            }
        } catch (SdkException e) {
            // Start over from the checkpoint on the next poll (expired iterator, source gone...).
            iterator = null;
            report(
                    "reading "
                            + shardId
                            + " of "
                            + current.eventSourceArn()
                            + ": "
                            + e.getMessage());
        }
    }

    private void settle(
            EventSourceMappingConfiguration current,
            List<Record> records,
            String next,
            InvocationOutcome outcome) {
        Record last = records.get(records.size() - 1);
        polling.metrics()
                .iteratorAge(
                        functionName,
                        polling.clock().millis()
                                - last.approximateArrivalTimestamp().toEpochMilli());
        if (outcome instanceof InvocationOutcome.Processed || retriesExhausted(current)) {
            if (!(outcome instanceof InvocationOutcome.Processed)) {
                report("giving up on a batch of " + shardId + " after " + retries + " retries");
            }
            checkpoint = last.sequenceNumber();
            iterator = next;
            retries = 0;
            return;
        }
        retries++;
        String resumeAt =
                outcome instanceof InvocationOutcome.PartlyFailed partly
                        ? partly.firstFailedSequenceNumber()
                        : records.get(0).sequenceNumber();
        iterator = iteratorAt(current, ShardIteratorType.AT_SEQUENCE_NUMBER, resumeAt);
        if (outcome instanceof InvocationOutcome.Failed failed) {
            report("function " + functionName + " failed on " + shardId + ": " + failed.reason());
        }
    }

    private InvocationOutcome invoke(
            EventSourceMappingConfiguration current, List<Record> records) {
        byte[] event =
                LambdaBatchEvents.event(
                        current.eventSourceArn(), shardId, invokeIdentityArn, records);
        InvokeResponse response;
        try {
            response =
                    polling.lambda()
                            .invoke(
                                    request ->
                                            request.functionName(functionName)
                                                    .invocationType(InvocationType.REQUEST_RESPONSE)
                                                    .payload(SdkBytes.fromByteArray(event)));
        } catch (SdkException e) {
            polling.metrics().invoked(functionName, true);
            return new InvocationOutcome.Failed(e.getMessage());
        }
        boolean error = response.functionError() != null;
        polling.metrics().invoked(functionName, error);
        if (error) {
            return new InvocationOutcome.Failed(
                    response.functionError()
                            + (response.payload() == null
                                    ? ""
                                    : " " + response.payload().asUtf8String()));
        }
        if (!reportsItemFailures(current)) {
            return new InvocationOutcome.Processed();
        }
        return outcomeOf(
                response.payload() == null ? null : response.payload().asByteArray(), records);
    }

    static InvocationOutcome outcomeOf(byte[] payload, List<Record> records) {
        Optional<List<String>> failures;
        try {
            failures = LambdaBatchEvents.failures(payload);
        } catch (IllegalArgumentException e) {
            return new InvocationOutcome.Failed(e.getMessage());
        }
        if (failures.isEmpty()) {
            return new InvocationOutcome.Processed();
        }
        List<String> inBatch = records.stream().map(Record::sequenceNumber).toList();
        if (!inBatch.containsAll(failures.get())) {
            return new InvocationOutcome.Failed(
                    "a batch item failure names a record not in the batch");
        }
        return new InvocationOutcome.PartlyFailed(
                failures.get().stream().min(Comparator.comparing(BigInteger::new)).orElseThrow());
    }

    private String openIterator(EventSourceMappingConfiguration current) {
        if (checkpoint != null) {
            return iteratorAt(current, ShardIteratorType.AFTER_SEQUENCE_NUMBER, checkpoint);
        }
        GetShardIteratorRequest.Builder request =
                GetShardIteratorRequest.builder()
                        .streamARN(current.eventSourceArn())
                        .shardId(shardId);
        String position = current.startingPositionAsString();
        if ("AT_TIMESTAMP".equals(position)) {
            request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
                    .timestamp(current.startingPositionTimestamp());
        } else if ("LATEST".equals(position)) {
            request.shardIteratorType(ShardIteratorType.LATEST);
        } else {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        }
        return polling.source().getShardIterator(request.build()).shardIterator();
    }

    private String iteratorAt(
            EventSourceMappingConfiguration current, ShardIteratorType type, String sequence) {
        return polling.source()
                .getShardIterator(
                        GetShardIteratorRequest.builder()
                                .streamARN(current.eventSourceArn())
                                .shardId(shardId)
                                .shardIteratorType(type)
                                .startingSequenceNumber(sequence)
                                .build())
                .shardIterator();
    }

    private boolean retriesExhausted(EventSourceMappingConfiguration current) {
        Integer max = current.maximumRetryAttempts();
        return max != null && max >= 0 && retries >= max;
    }

    private static boolean reportsItemFailures(EventSourceMappingConfiguration current) {
        return current.functionResponseTypes()
                .contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
    }

    private static int batchSize(EventSourceMappingConfiguration current) {
        return current.batchSize() == null ? DEFAULT_BATCH_SIZE : current.batchSize();
    }

    /** Logs a problem once, not on every poll while it lasts. */
    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            polling.log().accept(problem);
            lastProblem = problem;
        }
    }
}
