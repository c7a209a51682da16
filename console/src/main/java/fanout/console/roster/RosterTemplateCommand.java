package fanout.console.roster;

import fanout.console.Session;
import fanout.console.cli.Output;
import fanout.console.cli.Verb;
import fanout.console.workshop.Workshop;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code roster template}: a header and an example row for the workshop. */
@Command(
        name = "template",
        description = "Print a roster header and an example row (CSV) for the workshop.")
public final class RosterTemplateCommand extends Verb implements Runnable {
    @Override
    public void run() {
        Session session = invocation.session();
        Workshop workshop = session.workshop();
        RosterService service = new RosterService(workshop, null);
        Output.csv(invocation.out(), RosterColumns.ALL, List.of(service.templateRow()));
        PrintWriter err = invocation.err();
        err.println("# empty stream and role are filled from workshop " + workshop.name() + ":");
        err.println("#   stream " + workshop.streamArnTemplate());
        err.println("#   role   " + workshop.roleArnTemplate());
        err.println(
                "# id must match "
                        + workshop.idPattern().pattern()
                        + "; region defaults to "
                        + workshop.region()
                        + ", parallel to "
                        + workshop.parallel());
        err.flush();
    }
}
