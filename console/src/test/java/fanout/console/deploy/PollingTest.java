package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.problem.AwsAccessException;
import fanout.time.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingTest {
    private final Polling backoff =
            new Polling(
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                    Duration.ofSeconds(20));
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void waitsDoubleUntilTheCap() {
        AtomicInteger calls = new AtomicInteger();
        List<String> progress = new ArrayList<>();
        String result =
                backoff.await(
                        "the thing",
                        () -> calls.incrementAndGet() < 5 ? Optional.empty() : Optional.of("done"),
                        sleeper,
                        progress::add);

        assertThat(result).isEqualTo("done");
        assertThat(sleeper.sleeps)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5));
        assertThat(progress).first().isEqualTo("waiting 1s for the thing");
    }

    @Test
    void givesUpOnceTheBudgetIsSpentSayingARerunResumes() {
        assertThatThrownBy(() -> backoff.await("the role", Optional::empty, sleeper, p -> {}))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("waiting for the role")
                .hasMessageContaining("run the command again");
        assertThat(sleeper.sleeps.stream().mapToLong(Duration::toSeconds).sum())
                .isLessThanOrEqualTo(20);
    }
}
