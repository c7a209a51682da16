package fanout.console.tui.setup;

import fanout.check.Required;
import java.util.List;
import java.util.Objects;

/**
 * Who and where the console is talking to.
 *
 * @param identity the caller's ARN from STS, or "sandbox"
 * @param problems what stops the console from working, each with a fix
 */
public record Connection(
        String account,
        String region,
        String identity,
        boolean sandbox,
        String workshop,
        String function,
        List<Problem> problems) {

    public Connection {
        Required.all("region, workshop, function", region, workshop, function);
        problems = List.copyOf(problems);
    }

    /** Something wrong, with what to do about it. */
    public record Problem(String what, String fix) {
        public Problem {
            Objects.requireNonNull(what, "what is required");
            fix = fix == null ? "" : fix;
        }
    }
}
