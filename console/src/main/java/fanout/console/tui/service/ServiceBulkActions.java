package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.check.StudentCheck;
import fanout.console.mapping.BulkResult;
import fanout.console.mapping.IdSelection;
import fanout.console.mapping.MappingService;
import fanout.console.mapping.TableOption;
import fanout.console.mapping.TargetFields;
import fanout.console.mapping.UpdateResult;
import fanout.console.selfreg.SelfRegistrationService;
import fanout.console.session.SessionLog;
import fanout.console.tui.dashboard.BulkActions;
import fanout.mapping.Mapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bulk activate/deactivate/check through the same services as the CLI commands. */
record ServiceBulkActions(Session session, ServiceSetupSteps steps, Path workingDirectory)
        implements BulkActions {

    /** Every action goes to the class's session log, with how it went. */
    private Result logged(String action, List<String> ids, Result result) {
        SessionLog.of(workingDirectory, session, source()).action(action, ids, result.line());
        return result;
    }

    private String source() {
        return SourceStreams.resolve(session, Optional.empty());
    }

    @Override
    public Result activate(List<String> ids) {
        return logged("activate", ids, result("activated", setActive(ids, true)));
    }

    @Override
    public Result deactivate(List<String> ids) {
        return logged("deactivate", ids, result("deactivated", setActive(ids, false)));
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
    public RowFields row(String id) {
        Mapping mapping =
                service().list(Optional.of(source())).stream()
                        .filter(m -> m.id().equals(id))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(id + " is not registered"));
        return new RowFields(id, mapping.role(), mapping.destination());
    }

    @Override
    public Result edit(RowFields row) {
        UpdateResult result =
                service()
                        .update(
                                source(),
                                row.id(),
                                TargetFields.builder()
                                        .role(row.role())
                                        .destination(row.destination())
                                        .build());
        boolean changed = !result.before().equals(result.after());
        return logged(
                "edit",
                List.of(row.id()),
                new Result(
                        row.id()
                                + (changed
                                        ? " updated (role "
                                                + row.role()
                                                + ", stream "
                                                + row.destination()
                                                + "): check it with c"
                                        : " unchanged"),
                        result.warnings()));
    }

    private MappingService service() {
        return new MappingService(TableOption.repository(session, Optional.empty()));
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
        return logged(
                "check",
                ids,
                new Result(
                        (results.size() - problems.size()) + " of " + results.size() + " ok",
                        problems));
    }
}
