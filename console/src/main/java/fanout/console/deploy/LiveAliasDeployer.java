package fanout.console.deploy;

import fanout.console.aws.LiveAlias;
import fanout.console.aws.NotFound;
import fanout.console.deploy.StepOutcome.Kind;
import fanout.console.problem.AwsAccessException;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * SnapStart's half of deploy. Lambda takes a snapshot only when a version is published, and
 * restores only published versions, so under {@code --snap-start} each deploy publishes what the
 * function step left in {@code $LATEST}, waits while Lambda initialises it and takes the snapshot,
 * points alias {@value LiveAlias#NAME} at it, and moves the function's hooks onto the alias. A
 * version whose snapshot fails is reported and the alias stays where it was, so the class keeps
 * running on the previous code. Once the alias exists, every deploy keeps it current, SnapStart on
 * or off: the hooks invoke it.
 */
final class LiveAliasDeployer {
    private final LambdaClient lambda;
    private final Sleeper sleeper;

    LiveAliasDeployer(LambdaClient lambda, Sleeper sleeper) {
        this.lambda = lambda;
        this.sleeper = sleeper;
    }

    /**
     * @param functionChanges whether the function step changed (or, in a dry run, would change) the
     *     function: a dry run then plans a new version
     */
    StepOutcome live(
            DeployPlan plan, boolean dryRun, boolean functionChanges, Consumer<String> progress) {
        String function = plan.function();
        Optional<FunctionConfiguration> latest =
                NotFound.asEmpty(
                        () -> lambda.getFunction(r -> r.functionName(function)).configuration());
        boolean snapStart =
                plan.snapStart().orElse(latest.map(FunctionDeployer::snapStartOn).orElse(false));
        Optional<FunctionConfiguration> live =
                latest.isEmpty() ? Optional.empty() : LiveAlias.configuration(lambda, function);
        Optional<String> alias = live.map(FunctionConfiguration::version);
        if (!snapStart && alias.isEmpty()) {
            return new StepOutcome(
                    Kind.SKIPPED,
                    "SnapStart off: hooks invoke $LATEST (--snap-start to turn it on)");
        }
        if (dryRun
                && !functionChanges
                && live.map(FunctionConfiguration::codeSha256)
                        .filter(sha -> sha.equals(latest.get().codeSha256()))
                        .isPresent()) {
            return new StepOutcome(
                    Kind.UP_TO_DATE, "alias " + LiveAlias.NAME + " → version " + alias.get());
        }
        if (dryRun) {
            return new StepOutcome(
                    Kind.PLANNED,
                    "publish a version"
                            + (snapStart ? " (SnapStart snapshot)" : "")
                            + ", point alias "
                            + LiveAlias.NAME
                            + " at it and hook the alias");
        }
        String version = publish(function, latest.orElseThrow(), snapStart, progress);
        List<String> changes = new ArrayList<>();
        Kind kind = pointAlias(function, alias, version, changes);
        int moved = moveHooks(function, progress);
        if (moved > 0) {
            changes.add(moved + (moved == 1 ? " hook" : " hooks") + " moved onto the alias");
            kind = kind == Kind.UP_TO_DATE ? Kind.UPDATED : kind;
        }
        String detail =
                "alias "
                        + LiveAlias.NAME
                        + " → version "
                        + version
                        + (snapStart ? " (SnapStart on)" : " (SnapStart off)")
                        + (changes.isEmpty() ? "" : ": " + String.join(", ", changes));
        return new StepOutcome(kind, detail);
    }

    /**
     * Publishes $LATEST (Lambda returns the last version again when nothing changed) and waits
     * until the version is Active: with SnapStart, Lambda initialises it and takes the snapshot.
     */
    private String publish(
            String function,
            FunctionConfiguration latest,
            boolean snapStart,
            Consumer<String> progress) {
        String version =
                Polling.FUNCTION_READY.await(
                        "function " + function + " to accept a new version",
                        () -> {
                            try {
                                return Optional.of(
                                        lambda.publishVersion(
                                                        r ->
                                                                r.functionName(function)
                                                                        .codeSha256(
                                                                                latest.codeSha256())
                                                                        .description(
                                                                                "fanout deploy"))
                                                .version());
                            } catch (ResourceConflictException e) {
                                return Optional.empty(); // an update still settling
                            }
                        },
                        sleeper,
                        progress);
        return Polling.FUNCTION_READY.await(
                "version "
                        + version
                        + " of "
                        + function
                        + (snapStart ? " (Lambda takes its snapshot)" : " to become Active"),
                () -> {
                    FunctionConfiguration read =
                            lambda.getFunction(r -> r.functionName(function).qualifier(version))
                                    .configuration();
                    if (read.state() == State.FAILED) {
                        throw new AwsAccessException(
                                "version "
                                        + version
                                        + " of "
                                        + function
                                        + " failed: "
                                        + read.stateReason()
                                        + "; alias "
                                        + LiveAlias.NAME
                                        + " still points at the previous version, so the class"
                                        + " keeps running. Fix the cause and run deploy again, or"
                                        + " deploy --no-snap-start.");
                    }
                    return read.state() == State.ACTIVE ? Optional.of(version) : Optional.empty();
                },
                sleeper,
                progress);
    }

    private Kind pointAlias(
            String function, Optional<String> alias, String version, List<String> changes) {
        if (alias.isEmpty()) {
            lambda.createAlias(
                    r ->
                            r.functionName(function)
                                    .name(LiveAlias.NAME)
                                    .functionVersion(version)
                                    .description("What fanout's hooks invoke"));
            changes.add("alias created");
            return Kind.CREATED;
        }
        if (version.equals(alias.get())) {
            return Kind.UP_TO_DATE;
        }
        lambda.updateAlias(
                r -> r.functionName(function).name(LiveAlias.NAME).functionVersion(version));
        changes.add("moved from version " + alias.get());
        return Kind.UPDATED;
    }

    /** Hooks still on the unqualified function invoke $LATEST: re-target each onto the alias. */
    private int moveHooks(String function, Consumer<String> progress) {
        String target = LiveAlias.of(function);
        int moved = 0;
        for (EventSourceMappingConfiguration mapping : LiveAlias.onFunction(lambda, function)) {
            // Should Lambda list the alias's mappings under the function's name too, skip those.
            if (mapping.functionArn() != null && mapping.functionArn().endsWith(":" + target)) {
                continue;
            }
            Polling.FUNCTION_READY.await(
                    "the hook on " + mapping.eventSourceArn() + " to settle",
                    () -> {
                        try {
                            lambda.updateEventSourceMapping(
                                    r -> r.uuid(mapping.uuid()).functionName(target));
                            return Optional.of(true);
                        } catch (ResourceInUseException e) {
                            return Optional.empty();
                        }
                    },
                    sleeper,
                    progress);
            moved++;
        }
        return moved;
    }
}
