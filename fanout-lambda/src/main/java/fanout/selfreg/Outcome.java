package fanout.selfreg;

import java.util.Locale;
import java.util.Objects;

/** How a student's request ended, in the words the student reads in Slack. */
public record Outcome(Kind kind, String text) {

    public Outcome {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(text, "text is required");
    }

    public enum Kind {
        /** Registered (or re-registered) and checked. */
        REGISTERED,
        /** The registration was removed. */
        UNREGISTERED,
        /** Refused for a reason the student (or the leader) can fix; the text says how. */
        REFUSED,
        /** Something on the class's side failed; nothing was written. */
        FAILED,
        /** Not done within Slack's time: the real outcome follows at the response URL. */
        CHECKING,
        /** Given up before writing because the answer went out as "checking"; redone later. */
        ABANDONED;

        /** A short name for machines (the simulator's exit code): registered, refused, ... */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
