package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.check.CheckService;
import fanout.console.check.LambdaControlFunction;
import fanout.console.check.StudentCheck;
import fanout.console.check.TargetsTableLookup;
import fanout.console.deploy.DeployListener;
import fanout.console.deploy.DeployReport;
import fanout.console.deploy.DeployRequest;
import fanout.console.deploy.DeployService;
import fanout.console.deploy.DeployStep;
import fanout.console.deploy.DestroyService;
import fanout.console.deploy.LambdaJar;
import fanout.console.deploy.StepOutcome;
import fanout.console.hook.HookOutcome;
import fanout.console.hook.HookRequest;
import fanout.console.hook.HookService;
import fanout.console.mapping.BulkResult;
import fanout.console.mapping.IdSelection;
import fanout.console.mapping.MappingService;
import fanout.console.mapping.TableOption;
import fanout.console.tui.setup.SetupSteps;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import fanout.time.Sleeper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The checklist on the real services (deploy, roster, check, activate, hook), the same ones the CLI
 * commands call. Steps stop at their next progress report or wait after ctrl-c.
 */
final class ServiceSetupSteps implements SetupSteps {
    private final Session session;
    private final SetupInspection inspection;

    ServiceSetupSteps(Session session, Path handoutFile) {
        this.session = session;
        this.inspection = new SetupInspection(session, handoutFile);
    }

    @Override
    public List<StepStatus> inspect() {
        return inspection.inspect();
    }

    private String source() {
        return SourceStreams.resolve(session, Optional.empty());
    }

    @Override
    public Outcome run(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
        switch (step) {
            case DEPLOY:
                return deploy(progress, cancelled);
            case CHECK:
                return check(progress);
            case ACTIVATE:
                return activate(progress);
            case HOOK:
                return hook(progress, cancelled);
            default:
                throw new IllegalArgumentException(step.label() + " has a view of its own");
        }
    }

    private Outcome deploy(Consumer<String> progress, BooleanSupplier cancelled) {
        DeployService service =
                new DeployService(
                        session.aws(), session.workshop(), sleeper(cancelled), LambdaJar.bundled());
        DeployReport report =
                service.apply(
                        service.plan(DeployRequest.defaults(session.functionName())),
                        listener(progress, cancelled));
        return new Outcome(
                true,
                report.changed()
                        ? "deployed " + session.functionName()
                        : "everything was up to date",
                "");
    }

    private Outcome check(Consumer<String> progress) {
        progress.accept("asking the function to check every registered student...");
        List<StudentCheck> results =
                checkService().check(session.functionName(), source(), List.of());
        long failing = results.stream().filter(result -> !result.ok()).count();
        results.stream()
                .filter(result -> !result.ok())
                .forEach(
                        result ->
                                progress.accept(
                                        result.id()
                                                + ": "
                                                + result.code()
                                                + " "
                                                + nonNull(result.error())
                                                + (result.fix() == null
                                                        ? ""
                                                        : " - fix: " + result.fix())));
        inspection.checked(results.size(), failing);
        boolean someOk = failing < results.size() || results.isEmpty();
        return new Outcome(
                someOk,
                results.size() - failing + " of " + results.size() + " students ok",
                failing == 0
                        ? ""
                        : "send the failing students their fix, then check again (dashboard: mark and c)");
    }

    CheckService checkService() {
        return new CheckService(
                new LambdaControlFunction(session.aws()),
                new TargetsTableLookup(session.aws().dynamo(), session.targetsTable()),
                session.region(),
                Optional.of(session.workshop().assumableRoles(session.region())),
                Sleeper.SYSTEM,
                notice -> {},
                role -> Optional.empty());
    }

    private Outcome activate(Consumer<String> progress) {
        progress.accept("activating every registration of the source...");
        BulkResult result =
                new MappingService(TableOption.repository(session, Optional.empty()))
                        .setActive(source(), IdSelection.all(), true);
        result.failed().forEach(progress);
        return new Outcome(
                result.complete(),
                result.changed().size()
                        + " activated, "
                        + result.unchanged().size()
                        + " already active",
                result.complete() ? "" : "some rows changed under us: run Activate again");
    }

    private Outcome hook(Consumer<String> progress, BooleanSupplier cancelled) {
        HookRequest request =
                new HookRequest(
                        session.functionName(),
                        source(),
                        session.workshop().startingPosition(),
                        Optional.empty(),
                        HookRequest.DEFAULT_BATCH_SIZE,
                        HookRequest.DEFAULT_BATCH_WINDOW_SECONDS,
                        true);
        HookOutcome outcome =
                new HookService(session.aws(), sleeper(cancelled))
                        .hook(
                                request,
                                message -> {
                                    stopIf(cancelled);
                                    progress.accept(message);
                                });
        if (outcome instanceof HookOutcome.Drifted drifted) {
            return new Outcome(
                    false,
                    "hooked, but with settings the forwarder does not work with: "
                            + String.join("; ", drifted.differences()),
                    "run `fanout hook --repair` to update the mapping in place");
        }
        return new Outcome(
                true,
                (outcome instanceof HookOutcome.Hooked ? "hooked: " : "already hooked: ")
                        + outcome.hook().sourceArn()
                        + "; deliveries start within a minute or two",
                "");
    }

    @Override
    public Outcome undo(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
        if (step == Step.HOOK) {
            return new HookService(session.aws(), sleeper(cancelled))
                    .unhook(session.functionName(), source())
                    .map(hook -> new Outcome(true, "unhooked: removed mapping " + hook.uuid(), ""))
                    .orElse(new Outcome(true, "not hooked: nothing to remove", ""));
        }
        if (step == Step.DEPLOY) {
            List<String> removed =
                    new DestroyService(session.aws())
                            .destroy(
                                    session.functionName(),
                                    line -> {
                                        stopIf(cancelled);
                                        progress.accept("removed " + line);
                                    });
            return new Outcome(true, "destroyed: " + removed.size() + " resources removed", "");
        }
        throw new IllegalArgumentException(step.label() + " cannot be undone here");
    }

    static Sleeper sleeper(BooleanSupplier cancelled) {
        return duration -> {
            stopIf(cancelled);
            Sleeper.SYSTEM.sleep(duration);
            stopIf(cancelled);
        };
    }

    private static DeployListener listener(Consumer<String> progress, BooleanSupplier cancelled) {
        return new DeployListener() {
            @Override
            public void started(DeployStep step, String message) {
                stopIf(cancelled);
                progress.accept(
                        message.equals(step.label())
                                ? message + "..."
                                : step.label() + ": " + message);
            }

            @Override
            public void progress(DeployStep step, String message) {
                stopIf(cancelled);
                progress.accept(step.label() + ": " + message);
            }

            @Override
            public void done(DeployStep step, StepOutcome outcome) {
                progress.accept(step.label() + ": " + outcome.detail());
            }

            @Override
            public void skipped(DeployStep step, String message) {
                progress.accept(step.label() + ": skipped, " + message);
            }

            @Override
            public void failed(DeployStep step, String message) {
                progress.accept(step.label() + ": FAILED " + message);
            }
        };
    }

    static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
