package fanout.console.selfreg;

import fanout.console.cli.Invocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code selfreg status}: open or closed, and the URL Slack posts to. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Whether registration is open, and the self-registration URL.")
public final class SelfregStatusCommand implements Runnable {
    @Mixin Invocation invocation;

    @Override
    public void run() {
        SelfRegistrationService service = new SelfRegistrationService(invocation.session());
        print(invocation, service.locked(), service.url());
    }

    static void setLock(Invocation invocation, boolean locked) {
        SelfRegistrationService service = new SelfRegistrationService(invocation.session());
        service.setLocked(locked);
        print(invocation, locked, service.url());
    }

    private static void print(Invocation invocation, boolean locked, Optional<String> url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("locked", locked);
        json.put("url", url.orElse(null));
        invocation.print(
                json,
                out -> {
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
                });
    }
}
