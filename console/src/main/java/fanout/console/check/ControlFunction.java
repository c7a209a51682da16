package fanout.console.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployed fan-out function, as the check talks to it: its settings, and a synchronous control
 * invocation. AWS failures other than the ones named here propagate as they are.
 */
public interface ControlFunction {

    /** The function's settings; empty when it does not exist. */
    Optional<Settings> settings(String function);

    /**
     * Invokes the function once and waits for its answer, for at most {@code timeout}.
     *
     * @return {@link Invocation.NotReady} when Lambda refuses because the function is Pending or
     *     Inactive
     */
    Invocation invoke(String function, String payload, Duration timeout);

    /**
     * @param role the function's role ARN
     * @param timeoutSeconds null when Lambda does not say (its default, 3 s, applies)
     * @param state Pending, Active, Inactive or Failed
     */
    record Settings(String role, Integer timeoutSeconds, String state) {
        public boolean active() {
            return "Active".equals(state);
        }
    }

    /** How a control invocation ended. */
    sealed interface Invocation {
        /**
         * The function ran.
         *
         * @param payload what it returned (null when nothing)
         * @param functionError Lambda's FunctionError (e.g. Unhandled), null when it succeeded
         */
        record Answered(String payload, String functionError) implements Invocation {}

        /** Lambda refused: the function is Pending or Inactive; {@code reason} is Lambda's word. */
        record NotReady(String reason) implements Invocation {
            public NotReady {
                Objects.requireNonNull(reason, "a refusal says why");
            }

            public boolean inactive() {
                return reason.contains("Inactive");
            }
        }
    }
}
