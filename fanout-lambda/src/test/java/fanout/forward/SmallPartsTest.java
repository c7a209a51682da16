package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.testing.ManualClock;
import fanout.time.Backoff;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void sessionNamesFollowStsRulesAndLength() {
        assertThat(SessionNames.forMapping("ab12")).isEqualTo("fanout-ab12");
        assertThat(SessionNames.forMapping("a b/c:d")).isEqualTo("fanout-a-b-c-d");
        assertThat(SessionNames.forMapping("x".repeat(100))).hasSize(64).matches("[\\w+=,.@-]+");
    }

    @Test
    void sequenceNumbersCompareAsNumbers() {
        assertThat(SequenceNumbers.ORDER.compare("9", "10")).isNegative();
        assertThat(SequenceNumbers.ORDER.compare(Records.sequence(12), Records.sequence(3)))
                .isPositive();
        assertThat(SequenceNumbers.atOrBefore("5", "5")).isTrue();
        assertThat(SequenceNumbers.atOrBefore("6", "5")).isFalse();
        assertThat(SequenceNumbers.atOrBefore("6", null)).isFalse();
    }

    @Test
    void backoffIsFullJitterUnderAGrowingCeilingAndTheCap() {
        RetryPolicy policy =
                new RetryPolicy(
                        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                        10,
                        new Random(5),
                        pause -> {});
        for (int retry = 0; retry < 12; retry++) {
            long ceiling = Math.min(1000, 100L << retry);
            for (int i = 0; i < 50; i++) {
                assertThat(policy.delay(retry).toMillis()).isBetween(0L, ceiling);
            }
        }
        // Jitter: not every wait is the ceiling.
        assertThat(policy.delay(5)).isNotEqualTo(policy.delay(5)).isNotNull();
    }

    @Test
    void theDeadlineAllowsAPauseOnlyIfTimeRemainsAfterIt() {
        ManualClock clock = new ManualClock();
        Deadline deadline = Deadline.after(clock, Duration.ofSeconds(2));
        assertThat(deadline.allows(Duration.ofMillis(1500))).isTrue();
        clock.advance(Duration.ofMillis(1000));
        assertThat(deadline.allows(Duration.ofMillis(1500))).isFalse();
        assertThat(deadline.remaining()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(5));
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.remaining()).isZero();
    }
}
