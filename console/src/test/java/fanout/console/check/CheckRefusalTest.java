package fanout.console.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.problem.AwsAccessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The check over a fake {@link ControlFunction}: what it says when the function will not answer.
 */
class CheckRefusalTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/fanoutRole";

    /** A function that says Active when asked, yet refuses every invocation as Pending. */
    private static final class AlwaysPending implements ControlFunction {
        int invocations;

        @Override
        public Optional<Settings> settings(String function) {
            return Optional.of(new Settings(ROLE, 60, "Active"));
        }

        @Override
        public Invocation invoke(String function, String payload, Duration timeout) {
            invocations++;
            return new Invocation.NotReady(
                    "The operation cannot be performed at this time. The function is currently in"
                            + " the following state: Pending");
        }
    }

    @Test
    void aFunctionStillRefusingAfterTheWaitIsAClearErrorAfterExactlyOneRetry() {
        AlwaysPending function = new AlwaysPending();
        List<String> notices = new ArrayList<>();
        CheckService service =
                new CheckService(
                        function,
                        source -> Map.of(),
                        "us-west-2",
                        Optional.empty(),
                        new RecordingSleeper(),
                        notices::add,
                        role -> Optional.empty());

        assertThatThrownBy(() -> service.check("fanout", "arn:aws:kinesis:x", List.of("ab12")))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("function fanout refused the check")
                .hasMessageContaining("Pending");
        assertThat(function.invocations).isEqualTo(2);
        assertThat(notices.get(0)).contains("Pending (still being set up)", "checking once more");
    }

    @Test
    void aMissingFunctionSaysToDeployBeforeAnyInvocation() {
        ControlFunction none =
                new ControlFunction() {
                    @Override
                    public Optional<Settings> settings(String function) {
                        return Optional.empty();
                    }

                    @Override
                    public Invocation invoke(String function, String payload, Duration timeout) {
                        throw new AssertionError("a missing function is not invoked");
                    }
                };

        assertThatThrownBy(
                        () ->
                                new CheckService(none, source -> Map.of(), "us-west-2")
                                        .check("fanout", "arn:aws:kinesis:x", List.of()))
                .isInstanceOf(AwsAccessException.class)
                .hasMessage("function fanout does not exist here: run `fanout deploy`");
    }
}
