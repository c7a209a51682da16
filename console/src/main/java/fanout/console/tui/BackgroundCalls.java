package fanout.console.tui;

import fanout.console.aws.AwsCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Service calls off the GUI thread: each runs on the background executor, is recorded in the
 * command log, and hands its result back to the GUI thread through {@code post}.
 */
record BackgroundCalls(
        Executor background,
        Clock clock,
        CommandLog log,
        Consumer<Runnable> post,
        Function<Throwable, Problem> problems) {

    <T> void fetch(String what, Callable<T> work, Consumer<T> done, Consumer<Problem> failed) {
        background.execute(
                () -> {
                    Instant started = clock.instant();
                    try {
                        T value = work.call();
                        record(what, started, "ok");
                        post.accept(() -> done.accept(value));
                    } catch (Exception | Error e) {
                        // Returned to the view as a value: it shows it in the status line.
                        Problem problem = problems.apply(e);
                        record(what, started, problem.code());
                        post.accept(() -> failed.accept(problem));
                    }
                });
    }

    private void record(String what, Instant started, String outcome) {
        Duration took = Duration.between(started, clock.instant());
        log.record(new AwsCall(started, "fanout", what, outcome, took));
    }
}
