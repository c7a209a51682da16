package fanout.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    @Test
    void delaysDoubleFromTheBaseAndStayAtTheCap() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(500)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitteredWaitsFallBetweenZeroAndTheDelayAndVary() {
        Random random = new Random(11);
        for (int retry = 0; retry < 8; retry++) {
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.jittered(retry, random))
                        .isBetween(Duration.ZERO, backoff.delay(retry));
            }
        }
        assertThat(backoff.jittered(6, random)).isNotEqualTo(backoff.jittered(6, random));
    }

    @Test
    void aCapBelowTheBaseIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoff needs 0 < base <= cap");
    }
}
