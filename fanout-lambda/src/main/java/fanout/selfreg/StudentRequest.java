package fanout.selfreg;

import fanout.check.Required;
import fanout.mapping.Arn;
import java.util.Objects;

/** A slash command understood and validated: what the student asks for. */
public sealed interface StudentRequest {
    /**
     * {@code /hook-stream}: register {@code stream} for {@code id}, written through {@code role}.
     */
    record Hook(String id, Arn role, Arn stream) implements StudentRequest {
        public Hook {
            Required.all("id, role, stream", id, role, stream);
        }
    }

    /** {@code /unhook-stream}: remove the registration of {@code stream}. */
    record Unhook(String id, Arn stream) implements StudentRequest {
        public Unhook {
            Objects.requireNonNull(id, "id is required");
            Objects.requireNonNull(stream, "stream is required");
        }
    }

    /** Not understood or not valid; {@code message} says what and how to fix it. */
    record Invalid(String message) implements StudentRequest {
        public Invalid {
            Objects.requireNonNull(message, "message is required");
        }
    }
}
