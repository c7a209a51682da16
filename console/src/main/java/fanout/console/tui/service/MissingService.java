package fanout.console.tui.service;

import fanout.console.status.StatusSnapshot;
import fanout.console.tui.dashboard.BulkActions;
import fanout.console.tui.dashboard.History;
import fanout.console.tui.dashboard.StatusFeed;
import fanout.console.tui.handout.Handout;
import fanout.console.tui.handout.HandoutSource;
import fanout.console.tui.roster.RosterImport;
import fanout.console.tui.setup.SetupSteps;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Stands in for a service this build does not have yet, saying so in every answer instead of
 * failing to start: the console still opens and shows what works.
 */
final class MissingService
        implements SetupSteps, RosterImport, HandoutSource, StatusFeed, BulkActions {
    private final String service;

    MissingService(String service) {
        this.service = service;
    }

    private UnsupportedOperationException missing() {
        return new UnsupportedOperationException(service + " is not available in this build");
    }

    @Override
    public List<StepStatus> inspect() {
        List<StepStatus> statuses = new ArrayList<>();
        for (Step step : Step.values()) {
            statuses.add(
                    new StepStatus(
                            step,
                            StepStatus.State.PENDING,
                            service + " is not available in this build",
                            ""));
        }
        return statuses;
    }

    @Override
    public Outcome run(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
        throw missing();
    }

    @Override
    public Outcome undo(Step step, Consumer<String> progress, BooleanSupplier cancelled) {
        throw missing();
    }

    @Override
    public Optional<Path> defaultRoster() {
        return Optional.empty();
    }

    @Override
    public Preview preview(Path csv) {
        throw missing();
    }

    @Override
    public Summary apply(Preview preview) {
        throw missing();
    }

    @Override
    public Handout handout() {
        throw missing();
    }

    @Override
    public Path write(Handout handout) {
        throw missing();
    }

    @Override
    public StatusSnapshot snapshot() {
        throw missing();
    }

    @Override
    public History history(String id) {
        throw missing();
    }

    @Override
    public Result activate(List<String> ids) {
        throw missing();
    }

    @Override
    public Result deactivate(List<String> ids) {
        throw missing();
    }

    @Override
    public Result check(List<String> ids) {
        throw missing();
    }
}
