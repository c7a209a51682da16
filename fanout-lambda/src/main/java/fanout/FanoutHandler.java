package fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.control.ControlInvocations;
import fanout.forward.Deadline;
import fanout.forward.Forwarder;
import fanout.record.KinesisEvents;
import fanout.record.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Lambda entry point. Kinesis stream events in, a partial batch response ({@code
 * batchItemFailures}) out; control invocations from the console ({@code {"action": "check", ...}},
 * drain, skip, replay) answered with JSON; anything else fails the invocation with a message naming
 * what was wrong, so it can never pass for a delivered batch.
 *
 * <p>The no-arg constructor is the composition root Lambda uses: configuration from the
 * environment, real AWS clients. The other constructor is for tests and the sandbox.
 */
public final class FanoutHandler implements RequestStreamHandler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FanoutHandler.class.getName());

    /** Kept free of the budget: the state writes, the metrics and the answer need it. */
    static final Duration MIN_MARGIN = Duration.ofSeconds(2);

    static final double MARGIN_SHARE = 0.10;

    private final ForwarderConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Forwarding forwarding;
    private final ControlInvocations control;

    public FanoutHandler() {
        this(ForwarderConfig.fromEnvironment(System.getenv()));
    }

    private FanoutHandler(ForwarderConfig config) {
        this(config, AwsServices.create(config));
    }

    public FanoutHandler(Map<String, String> environment, ForwarderServices services) {
        this(ForwarderConfig.fromEnvironment(environment), services);
    }

    FanoutHandler(ForwarderConfig config, ForwarderServices services) {
        this.config = config;
        this.clock = services.clock();
        this.forwarding = Forwarding.create(config, services);
        this.control =
                new ControlInvocations(
                        forwarding.checker(), forwarding.cursors(), forwarding.forwarder(), json);
    }

    public ForwarderConfig config() {
        return config;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode root;
        try {
            root = json.readTree(input);
        } catch (IOException e) {
            // Fails the invocation: answering anything would read as "batch done".
            throw new IllegalArgumentException(
                    "the invocation is not JSON: " + firstLine(e.getMessage()), e);
        }
        json.writeValue(output, answer(root, context));
    }

    private JsonNode answer(JsonNode root, Context context) {
        if (ControlInvocations.isControl(root)) {
            String action = root.path(ControlInvocations.ACTION).asText("");
            try {
                return control.handle(root, Deadline.after(clock, budget(context)));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "control invocation " + action + " failed", e);
                return control.error(action, "the " + action + " failed: " + e.getMessage());
            }
        }
        if (root == null || !KinesisEvents.isKinesisEvent(root)) {
            // Loud: an event source of another kind, or a test event, must not look delivered.
            throw new IllegalArgumentException(
                    "expected a Kinesis event or a control invocation such as"
                            + " {\"action\": \"check\", \"sourceArn\": \"...\"}");
        }
        List<SourceRecord> records;
        try {
            records = KinesisEvents.read(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed Kinesis event: " + e.getMessage(), e);
        }
        return batchResponse(forward(records, context));
    }

    private List<String> forward(List<SourceRecord> records, Context context) {
        if (records.isEmpty()) {
            return List.of();
        }
        Forwarder forwarder = forwarding.forwarder();
        try {
            return forwarder.forward(records, Deadline.after(clock, budget(context)));
        } catch (RuntimeException e) {
            // Answering "all done" would lose the batch: hand back each shard from its start.
            LOG.log(Level.SEVERE, "forwarding failed, the batch goes back to Lambda", e);
            Map<String, String> firstPerShard = new LinkedHashMap<>();
            records.forEach(
                    r ->
                            firstPerShard.putIfAbsent(
                                    r.eventSourceArn() + "#" + r.shardId(), r.sequenceNumber()));
            return List.copyOf(firstPerShard.values());
        }
    }

    /** The Lambda's remaining time minus a margin of max(2 s, 10%). */
    Duration budget(Context context) {
        if (context == null) {
            return config.defaultBudget();
        }
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration share = Duration.ofMillis((long) (remaining.toMillis() * MARGIN_SHARE));
        Duration margin = share.compareTo(MIN_MARGIN) > 0 ? share : MIN_MARGIN;
        Duration budget = remaining.minus(margin);
        return budget.isNegative() ? Duration.ZERO : budget;
    }

    private ObjectNode batchResponse(List<String> handBacks) {
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        handBacks.forEach(seq -> failures.addObject().put("itemIdentifier", seq));
        return response;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Stops the handler's threads; the services belong to whoever passed them. */
    @Override
    public void close() {
        forwarding.close();
    }
}
