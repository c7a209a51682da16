package fanout.selfreg;

import java.util.Objects;

/** How a student's request ended, in the words the student reads in Slack. */
public sealed interface Outcome {
    String text();

    /** A short name for machines (the simulator's exit code): registered, refused, ... */
    default String kind() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Registered (or re-registered) and checked. */
    record Registered(String text) implements Outcome {
        public Registered {
            Objects.requireNonNull(text, "text is required");
        }
    }

    /** The registration was removed. */
    record Unregistered(String text) implements Outcome {
        public Unregistered {
            Objects.requireNonNull(text, "text is required");
        }
    }

    /** Refused for a reason the student (or the leader) can fix; the text says how. */
    record Refused(String text) implements Outcome {
        public Refused {
            Objects.requireNonNull(text, "text is required");
        }
    }

    /** Something on the class's side failed; nothing was written. */
    record Failed(String text) implements Outcome {
        public Failed {
            Objects.requireNonNull(text, "text is required");
        }
    }

    /** Not done within Slack's time: the real outcome follows at the response URL. */
    record Checking(String text) implements Outcome {
        public Checking {
            Objects.requireNonNull(text, "text is required");
        }
    }

    /** Given up before writing because the answer went out as "checking"; redone later. */
    record Abandoned() implements Outcome {
        @Override
        public String text() {
            return "";
        }
    }
}
