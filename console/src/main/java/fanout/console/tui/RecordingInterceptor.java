package fanout.console.tui;

import fanout.console.aws.AwsErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every SDK call (service, operation, outcome, duration) in the command log. */
public final class RecordingInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Instant> STARTED =
            new ExecutionAttribute<>("fanout.tui.started");

    private final CommandLog log;
    private final Clock clock;

    public RecordingInterceptor(CommandLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, clock.instant());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(
            Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, AwsErrors.code(context.exception()));
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Instant started = attributes.getAttribute(STARTED);
        Instant now = clock.instant();
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        log.record(
                new CommandLog.Call(
                        started == null ? now : started,
                        service == null ? "aws" : service,
                        operation == null ? "?" : operation,
                        outcome,
                        started == null ? Duration.ZERO : Duration.between(started, now)));
    }
}
