package fanout.console.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.check.ControlFunction;
import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.problem.OperationFailedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * drain, skip and replay go to the function as control invocations; its answers become messages.
 */
class CursorServiceTest {
    private static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/core";

    private final Recording function = new Recording();
    private final CursorService service = new CursorService(function);

    @Test
    void skipSendsTheControlRequestAndAnswersTheFunctionsJson() throws Exception {
        function.answer = new ControlFunction.Invocation.Answered("{\"skipped\":12}", null);

        JsonNode answer = service.skip("fanout", SOURCE, "ab12");

        assertThat(answer.path("skipped").asInt()).isEqualTo(12);
        JsonNode sent = new ObjectMapper().readTree(function.payloads.get(0));
        assertThat(sent.path("action").asText()).isEqualTo("skip");
        assertThat(sent.path("sourceArn").asText()).isEqualTo(SOURCE);
        assertThat(function.names).containsExactly("fanout");
    }

    @Test
    void aStudentTheFunctionDoesNotKnowIsBadInput() {
        function.answer =
                new ControlFunction.Invocation.Answered(
                        "{\"code\":\"NotRegistered\",\"error\":\"no target zz99\"}", null);

        assertThatThrownBy(() -> service.skip("fanout", SOURCE, "zz99"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("skip: no target zz99");
    }

    @Test
    void anOtherRefusalIsAFailedOperation() {
        function.answer =
                new ControlFunction.Invocation.Answered(
                        "{\"code\":\"StateError\",\"error\":\"state table refused\"}", null);

        assertThatThrownBy(() -> service.drain("fanout", SOURCE))
                .isInstanceOf(OperationFailedException.class)
                .hasMessage("drain: state table refused");
    }

    @Test
    void aFunctionErrorNamesTheActionAndTheLogs() {
        function.answer =
                new ControlFunction.Invocation.Answered("{\"errorMessage\":\"boom\"}", "Unhandled");

        assertThatThrownBy(() -> service.drain("fanout", SOURCE))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("the function failed the drain: boom")
                .hasMessageContaining("CloudWatch logs");
    }

    @Test
    void aFunctionStillPendingSaysSoInsteadOfFailing() {
        function.answer = new ControlFunction.Invocation.NotReady("The function is Pending");

        assertThatThrownBy(() -> service.drain("fanout", SOURCE))
                .isInstanceOf(AwsAccessException.class)
                .hasMessage("function fanout cannot run the drain yet: The function is Pending");
    }

    /** Answers what it is told, and records what it was sent. */
    private static final class Recording implements ControlFunction {
        final List<String> names = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();
        Invocation answer;

        @Override
        public Optional<Settings> settings(String function) {
            return Optional.empty();
        }

        @Override
        public Invocation invoke(String function, String payload, Duration timeout) {
            names.add(function);
            payloads.add(payload);
            return answer;
        }
    }
}
