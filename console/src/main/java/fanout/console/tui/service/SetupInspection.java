package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.AwsResult;
import fanout.console.aws.SourceStreams;
import fanout.console.deploy.DestroyService;
import fanout.console.hook.Hook;
import fanout.console.hook.HookService;
import fanout.console.mapping.MappingService;
import fanout.console.mapping.TableOption;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import fanout.console.tui.setup.StepStatus.State;
import fanout.mapping.Mapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each setup step stands, read from the installation: does the function exist, are students
 * registered and active, is the source hooked. Only the check's result is this console's memory (a
 * check leaves nothing behind to read).
 */
final class SetupInspection {
    private final Session session;
    private final Path handoutFile;
    private volatile StepStatus lastCheck;

    SetupInspection(Session session, Path handoutFile) {
        this.session = session;
        this.handoutFile = handoutFile;
    }

    void checked(int students, long failing) {
        lastCheck =
                new StepStatus(
                        Step.CHECK,
                        checkState(students, failing),
                        (students - failing) + " of " + students + " students ok",
                        failing == 0
                                ? ""
                                : "failing students need the fix shown; then run Check again");
    }

    /**
     * A few broken students block nothing (the others can start): a warning. Only a check where
     * nobody passes is a failure, since that points at the installation rather than the students.
     */
    static State checkState(int students, long failing) {
        if (failing == 0) {
            return State.DONE;
        }
        return failing < students ? State.WARNED : State.FAILED;
    }

    List<StepStatus> inspect() {
        List<StepStatus> statuses = new ArrayList<>();
        StepStatus deploy = guarded(Step.DEPLOY, this::deploy);
        statuses.add(deploy);
        boolean deployed = deploy.state() == State.DONE;
        List<Mapping> mappings = deployed ? mappings() : List.of();
        statuses.add(
                mappings.isEmpty()
                        ? new StepStatus(
                                Step.ROSTER,
                                State.PENDING,
                                deployed ? "no student registered yet" : "after Deploy",
                                "")
                        : new StepStatus(
                                Step.ROSTER,
                                State.DONE,
                                mappings.size() + " students registered",
                                ""));
        statuses.add(
                Files.exists(handoutFile)
                        ? new StepStatus(Step.HANDOUT, State.DONE, "written to " + handoutFile, "")
                        : new StepStatus(Step.HANDOUT, State.PENDING, "", ""));
        statuses.add(
                lastCheck == null ? new StepStatus(Step.CHECK, State.PENDING, "", "") : lastCheck);
        long active = mappings.stream().filter(Mapping::active).count();
        statuses.add(
                new StepStatus(
                        Step.ACTIVATE,
                        !mappings.isEmpty() && active == mappings.size()
                                ? State.DONE
                                : State.PENDING,
                        mappings.isEmpty() ? "" : active + " of " + mappings.size() + " active",
                        ""));
        statuses.add(
                deployed
                        ? guarded(Step.HOOK, this::hook)
                        : new StepStatus(Step.HOOK, State.PENDING, "after Deploy", ""));
        return statuses;
    }

    private StepStatus deploy() {
        DestroyService.Inventory inventory =
                new DestroyService(session.aws()).inventory(session.functionName());
        boolean complete = inventory.functionExists() && inventory.tables().size() >= 2;
        if (complete) {
            return new StepStatus(
                    Step.DEPLOY,
                    State.DONE,
                    "function " + session.functionName() + " and its tables exist",
                    "");
        }
        if (inventory.isEmpty()) {
            return new StepStatus(
                    Step.DEPLOY,
                    State.PENDING,
                    "nothing deployed in " + session.region() + " yet",
                    "");
        }
        return new StepStatus(
                Step.DEPLOY,
                State.FAILED,
                "partly deployed: " + String.join(", ", inventory.lines()),
                "run Deploy again: it finishes what is missing");
    }

    private StepStatus hook() {
        String source = SourceStreams.resolve(session, Optional.empty());
        Optional<Hook> hook =
                new HookService(session.aws(), duration -> {}).find(session.functionName(), source);
        if (hook.isEmpty()) {
            return new StepStatus(Step.HOOK, State.PENDING, "source not hooked", "");
        }
        return new StepStatus(
                Step.HOOK,
                State.DONE,
                (hook.get().enabled() ? "hooked, " : "hooked but PAUSED, ") + hook.get().state(),
                hook.get().enabled() ? "" : "resume it: fanout resume");
    }

    private List<Mapping> mappings() {
        return AwsResult.of(
                        () ->
                                new MappingService(
                                                TableOption.repository(session, Optional.empty()))
                                        .list(
                                                Optional.of(
                                                        SourceStreams.resolve(
                                                                session, Optional.empty()))))
                .orElse(List.of());
    }

    private static StepStatus guarded(
            Step step, java.util.function.Supplier<StepStatus> inspection) {
        AwsResult<StepStatus> inspected = AwsResult.of(inspection);
        if (inspected instanceof AwsResult.Failed<StepStatus> failed) {
            return new StepStatus(
                    step,
                    State.FAILED,
                    "cannot tell: " + failed.failure().reason(),
                    failed.failure().hint());
        }
        return inspected.orElse(null);
    }
}
