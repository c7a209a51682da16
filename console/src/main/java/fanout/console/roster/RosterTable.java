package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.SourceOptions;
import fanout.console.mapping.TableOption;
import picocli.CommandLine.Mixin;

/** The table a roster command reads or writes ({@code --table}) and the source its rows are of. */
final class RosterTable {
    @Mixin SourceOptions source;
    @Mixin TableOption table;

    /** The roster service on the session's workshop and targets table. */
    RosterService service(Session session) {
        return new RosterService(session.workshop(), table.repository(session));
    }

    /** The source stream the roster's rows belong to. */
    String sourceArn(Session session) {
        return source.resolve(session);
    }
}
