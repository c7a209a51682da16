package fanout.console.tui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.handout.Handout;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.dashboard.BulkActions;
import fanout.console.tui.dashboard.History;
import fanout.console.tui.dashboard.StatusFeed;
import fanout.console.tui.handout.HandoutSource;
import fanout.console.tui.roster.RosterImport;
import fanout.console.tui.setup.Connection;
import fanout.console.tui.setup.ConnectionProbe;
import fanout.console.tui.setup.SetupSteps;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Fake ports for view tests: they answer from fields the test sets and remember what was asked. */
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

    /** A status feed whose next answer the test sets. */
    public static final class Status implements StatusFeed {
        public StatusSnapshot next = sampleClass();
        public RuntimeException failure;
        public int snapshots;

        @Override
        public StatusSnapshot snapshot() {
            snapshots++;
            if (failure != null) {
                throw failure;
            }
            return next;
        }

        /** The acknowledgements the next probe gets: id to round trip in milliseconds. */
        public final Map<String, Long> probeAcks = new java.util.LinkedHashMap<>();

        public final List<List<String>> probes = new ArrayList<>();

        @Override
        public fanout.console.probe.ProbeRun probe(
                List<String> ids,
                java.time.Duration timeout,
                java.util.function.Consumer<fanout.console.probe.ProbeRun> progress) {
            probes.add(List.copyOf(ids));
            List<String> targets = new ArrayList<>();
            for (DestinationStatus row : next.destinations()) {
                if (row.active() && (ids.isEmpty() || ids.contains(row.id()))) {
                    targets.add(row.id());
                }
            }
            Map<String, fanout.state.ProbeAck> acks = new java.util.HashMap<>();
            probeAcks.forEach(
                    (id, millis) ->
                            acks.put(
                                    id,
                                    new fanout.state.ProbeAck("p1", id, NOW.plusMillis(millis))));
            return new fanout.console.probe.ProbeRun(
                    "p1", next.source(), NOW, timeout, targets, List.of(), acks, Map.of());
        }

        @Override
        public History history(String id) {
            List<Long> delivered = new ArrayList<>();
            List<Long> zeros = new ArrayList<>();
            for (long minute = 0; minute < History.MINUTES; minute++) {
                delivered.add(minute % 10 * 12);
                zeros.add(0L);
            }
            return new History(id, delivered, zeros, zeros, zeros);
        }
    }

    /** Bulk actions that remember what they were asked. */
    public static final class Bulk implements BulkActions {
        public final List<String> calls = new ArrayList<>();

        private Result record(String action, List<String> ids) {
            calls.add(action + " " + String.join(",", ids));
            return new Result(action + " " + ids.size() + " ok", List.of());
        }

        @Override
        public Result activate(List<String> ids) {
            return record("activate", ids);
        }

        @Override
        public Result deactivate(List<String> ids) {
            return record("deactivate", ids);
        }

        @Override
        public Result check(List<String> ids) {
            return record("check", ids);
        }

        /** The rows as registered, for edits. */
        public final Map<String, RowFields> rows = new java.util.HashMap<>();

        @Override
        public RowFields row(String id) {
            RowFields row = rows.get(id);
            if (row == null) {
                throw new IllegalArgumentException(id + " is not registered");
            }
            return row;
        }

        @Override
        public Result edit(RowFields row) {
            calls.add("edit " + row.id() + " " + row.role() + " " + row.destination());
            rows.put(row.id(), row);
            return new Result(row.id() + " updated", List.of());
        }

        public boolean locked;

        @Override
        public Result toggleRegistrationLock() {
            locked = !locked;
            calls.add("lock " + locked);
            return new Result(
                    locked ? "self-registration LOCKED" : "self-registration OPEN", List.of());
        }
    }

    /** Setup steps over an in-memory installation: running a step makes it done. */
    public static final class Setup implements SetupSteps {
        public final Map<Step, StepStatus.State> states = new EnumMap<>(Step.class);
        public final List<String> runs = new ArrayList<>();

        /** How a step's run ends, when not simply "done"; its state follows the outcome. */
        public final Map<Step, Outcome> outcomes = new EnumMap<>(Step.class);

        /** What inspect says about a step, when not the default. */
        public final Map<Step, String> details = new EnumMap<>(Step.class);

        /** When set, a run reports its first line then waits here (tests release it). */
        public Callable<Outcome> blocking;

        public Setup() {
            for (Step step : Step.values()) {
                states.put(step, StepStatus.State.PENDING);
            }
        }

        @Override
        public List<StepStatus> inspect() {
            List<StepStatus> statuses = new ArrayList<>();
            states.forEach(
                    (step, state) ->
                            statuses.add(
                                    new StepStatus(
                                            step,
                                            state,
                                            details.getOrDefault(
                                                    step,
                                                    state == StepStatus.State.DONE
                                                            ? step.label() + " found"
                                                            : ""),
                                            state == StepStatus.State.FAILED
                                                            || state == StepStatus.State.WARNED
                                                    ? "run it again"
                                                    : "")));
            return statuses;
        }

        @Override
        public Outcome run(Step step, Consumer<String> progress, BooleanSupplier cancelled)
                throws Exception {
            runs.add(step.name());
            progress.accept("creating " + step.label().toLowerCase() + " resources");
            if (blocking != null) {
                return blocking.call();
            }
            progress.accept(step.label() + " ready");
            Outcome outcome =
                    outcomes.getOrDefault(step, new Outcome(true, step.label() + " done", ""));
            states.put(
                    step,
                    outcome.warned()
                            ? StepStatus.State.WARNED
                            : outcome.ok() ? StepStatus.State.DONE : StepStatus.State.FAILED);
            return outcome;
        }

        @Override
        public Outcome undo(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
            runs.add("undo " + step.name());
            states.put(step, StepStatus.State.PENDING);
            return new Outcome(true, "undone " + step.label(), "");
        }
    }

    /** A roster import over a fixed preview. */
    public static final class Roster implements RosterImport {
        public final List<Path> previewed = new ArrayList<>();
        public int applied;
        public Path defaultPath;

        /** Runs after an import, e.g. to mark the setup's roster step done. */
        public Runnable afterApply = () -> {};

        @Override
        public Optional<Path> defaultRoster() {
            return Optional.ofNullable(defaultPath);
        }

        @Override
        public Preview preview(Path csv) {
            previewed.add(csv);
            return new Preview(
                    csv,
                    List.of(
                            new Line(2, "ada1", "Ada Lovelace", Change.NEW, List.of()),
                            new Line(3, "bob2", "Bob Barker", Change.CHANGED, List.of()),
                            new Line(4, "cy03", "Cy Young", Change.UNCHANGED, List.of()),
                            new Line(
                                    5,
                                    "x",
                                    "Bad Row",
                                    Change.INVALID,
                                    List.of("line 5: id x does not match [a-z0-9]{4}"))),
                    List.of("column shoe_size ignored"));
        }

        @Override
        public Summary apply(Preview preview) {
            applied++;
            afterApply.run();
            return new Summary(1, 1, 1, 1);
        }
    }

    /** A fixed handout that is written nowhere. */
    public static final class Handouts implements HandoutSource {
        public Handout handout =
                new Handout(
                        "123456789012",
                        "us-west-2",
                        "arn:aws:iam::123456789012:role/fanoutRole",
                        true,
                        null,
                        "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream",
                        "arn:aws:iam::{account}:role/fanout-{id}",
                        "arn:aws:kinesis:us-west-2:{account}:stream/{id}Stream",
                        policy("sts:AssumeRole"),
                        policy("kinesis:PutRecords"));

        private static ObjectNode policy(String action) {
            ObjectNode statement = JsonNodeFactory.instance.objectNode();
            statement.put("Effect", "Allow");
            statement.put("Action", action);
            return statement;
        }

        /** Runs after the handout is written, e.g. to mark the setup's handout step done. */
        public Runnable afterWrite = () -> {};

        @Override
        public Handout handout() {
            return handout;
        }

        @Override
        public Path write(Handout value) {
            afterWrite.run();
            return Path.of(".fanout/handout.txt");
        }
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
