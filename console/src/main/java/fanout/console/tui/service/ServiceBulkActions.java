package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.check.StudentCheck;
import fanout.console.mapping.BulkResult;
import fanout.console.mapping.IdSelection;
import fanout.console.mapping.MappingService;
import fanout.console.mapping.TableOption;
import fanout.console.selfreg.SelfRegistrationService;
import fanout.console.tui.dashboard.BulkActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bulk activate/deactivate/check through the same services as the CLI commands. */
final class ServiceBulkActions implements BulkActions {
    private final Session session;
    private final ServiceSetupSteps steps;

    ServiceBulkActions(Session session, ServiceSetupSteps steps) {
        this.session = session;
        this.steps = steps;
    }

    private String source() {
        return SourceStreams.resolve(session, Optional.empty());
    }

    @Override
    public Result activate(List<String> ids) {
        return result("activated", setActive(ids, true));
    }

    @Override
    public Result deactivate(List<String> ids) {
        return result("deactivated", setActive(ids, false));
    }

    private BulkResult setActive(List<String> ids, boolean active) {
        return new MappingService(TableOption.repository(session, Optional.empty()))
                .setActive(source(), IdSelection.of(ids), active);
    }

    private static Result result(String verb, BulkResult bulk) {
        List<String> problems = new ArrayList<>(bulk.failed());
        bulk.missing().forEach(id -> problems.add(id + " is not registered"));
        return new Result(
                bulk.changed().size() + " " + verb + ", " + bulk.unchanged().size() + " unchanged",
                problems);
    }

    @Override
    public Result toggleRegistrationLock() {
        boolean locked = new SelfRegistrationService(session).toggle();
        return new Result(
                locked
                        ? "self-registration LOCKED: the Slack bot answers \"registration is closed\""
                        : "self-registration OPEN: students can /hook-stream again",
                List.of());
    }

    @Override
    public Result check(List<String> ids) {
        List<StudentCheck> results =
                steps.checkService().check(session.functionName(), source(), ids);
        List<String> problems = new ArrayList<>();
        for (StudentCheck result : results) {
            if (!result.ok()) {
                problems.add(
                        result.id()
                                + " "
                                + result.code()
                                + (result.fix() == null ? "" : ": " + result.fix()));
            }
        }
        return new Result(
                (results.size() - problems.size()) + " of " + results.size() + " ok", problems);
    }
}
