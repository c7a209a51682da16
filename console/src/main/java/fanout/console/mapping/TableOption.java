package fanout.console.mapping;

import fanout.console.Session;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --table}, for a targets table not named after the function, and the services on it. */
public final class TableOption {
    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "Targets table (default: <function>Targets).")
    String table;

    /**
     * The mapping service on this session's targets table, refusing roles and role-less targets
     * that AWS would refuse at class time.
     */
    public MappingService service(Session session) {
        return new MappingService(repository(session), access(session));
    }

    /** The workshop's assumable roles and the function's own grants, for this session. */
    public static TargetAccess access(Session session) {
        return new TargetAccess(
                Optional.of(session.workshop().assumableRoles(session.region())),
                new IamStreamGrants(session.aws(), session.functionName()));
    }

    public MappingRepository repository(Session session) {
        return repository(session, Optional.ofNullable(table));
    }

    /** The repository on the session's targets table (or {@code table}). */
    public static MappingRepository repository(Session session, Optional<String> table) {
        return DynamoMappingRepository.forSession(session, table);
    }
}
