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

    /** The mapping service on this session's targets table. */
    public MappingService service(Session session) {
        return new MappingService(repository(session));
    }

    public MappingRepository repository(Session session) {
        return repository(session, Optional.ofNullable(table));
    }

    /** The repository on the session's targets table (or {@code table}). */
    public static MappingRepository repository(Session session, Optional<String> table) {
        return DynamoMappingRepository.forSession(session, table);
    }
}
