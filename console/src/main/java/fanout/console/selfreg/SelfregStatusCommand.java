package fanout.console.selfreg;

import fanout.console.Session;
import fanout.console.cli.Invocation;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code selfreg status}: open or closed, and the URL Slack posts to. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Whether registration is open, and the self-registration URL.")
public final class SelfregStatusCommand implements Runnable {
    @Mixin Invocation invocation;

    @Spec CommandSpec spec;

    @Override
    public void run() {
        Session session = invocation.session();
        SelfRegistrationService service = new SelfRegistrationService(session);
        print(spec, session, service.locked(), service.url());
    }

    static void setLock(CommandSpec spec, Invocation invocation, boolean locked) {
        Session session = invocation.session();
        SelfRegistrationService service = new SelfRegistrationService(session);
        service.setLocked(locked);
        print(spec, session, locked, service.url());
    }

    private static void print(
            CommandSpec spec, Session session, boolean locked, Optional<String> url) {
        PrintWriter out = spec.commandLine().getOut();
        if (session.options().output() == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("locked", locked);
            json.put("url", url.orElse(null));
            Output.json(out, json);
            return;
        }
        out.println(
                "self-registration is "
                        + (locked
                                ? "LOCKED: the bot answers \"registration is closed\""
                                        + " (./fanout selfreg unlock opens it)"
                                : "OPEN (./fanout selfreg lock closes it)"));
        out.println(
                url.map(u -> "function URL: " + u)
                        .orElse(
                                "not deployed: ./fanout deploy --self-registration"
                                        + " --signing-secret-file FILE"));
        out.flush();
    }
}
