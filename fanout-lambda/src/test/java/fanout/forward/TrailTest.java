package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When struggling destinations stop retrying, and how a destination's standing sets its turn. */
class TrailTest {
    private static final Duration TAIL = Duration.ofMillis(50);
    private static final Duration SLICE = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final Trail trail = new Trail(clock, TAIL);

    private static Destination destination(String id) {
        return new Destination(
                id, "kinesis", "s-" + id, "us-west-2", Optional.empty(), true, false);
    }

    /** Standings that know how long the healthy destinations took (so struggling ones trail). */
    private Standings afterHealthyDeliveries() {
        Standings standings = new Standings(clock);
        standings.healthyTook(Duration.ofMillis(500));
        return standings;
    }

    private static DestinationReport owing(String id, String code) {
        return DestinationReport.owing(id, java.util.Set.of("1"), new Problem(code, code));
    }

    @Test
    void theTrailEndsATailAfterTheLastLeaderFinishedAndEveryTrailingOneStarted() {
        trail.leads();
        trail.leads();
        trail.leads();
        trail.done(true);
        trail.done(false);
        assertThat(trail.passed()).as("a leader is still being served").isFalse();
        assertThat(trail.allows(Duration.ofSeconds(5))).isTrue();

        trail.done(true);
        assertThat(trail.passed()).as("the tail has not passed yet").isFalse();
        assertThat(trail.allows(TAIL)).isFalse();
        clock.advance(TAIL);

        assertThat(trail.passed()).isTrue();
    }

    @Test
    void withoutLeadersTheTrailNeverEndsSoTheirSlicesAloneBoundThem() {
        trail.leads();
        trail.leads();
        trail.done(false);
        trail.done(false);
        clock.advance(Duration.ofMinutes(1));

        assertThat(trail.passed()).isFalse();
        assertThat(trail.endNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aDestinationWhoseCallHungIsGivenUpAtItsEndWithoutTheUsualGrace() {
        Standings standings = afterHealthyDeliveries();
        standings.record(owing("hangs", DestinationPool.TIMEOUT));
        standings.record(owing("throttled", AwsFailures.THROTTLED));

        Turn hangs = standings.turn(destination("hangs"), true, SLICE, Duration.ZERO);
        Turn throttled = standings.turn(destination("throttled"), true, SLICE, Duration.ZERO);
        Turn healthy = standings.turn(destination("healthy"), false, SLICE, Duration.ZERO);

        assertThat(hangs.trailing()).isTrue();
        assertThat(hangs.grace()).isEqualTo(DestinationPool.HUNG_GRACE);
        assertThat(throttled.trailing()).isTrue();
        assertThat(throttled.grace()).isEqualTo(DestinationPool.CUT_GRACE);
        assertThat(healthy.trailing()).isFalse();
        assertThat(healthy.slice()).isEqualTo(SLICE);
    }

    @Test
    void aDestinationThatDeliveredEverythingSinceItHungGetsTheUsualGraceAgain() {
        Standings standings = afterHealthyDeliveries();
        standings.record(owing("d", DestinationPool.TIMEOUT));
        standings.record(
                new DestinationReport(
                        "d",
                        new DestinationReport.Counts(1, 0, 1, 0, 0),
                        java.util.List.of(),
                        java.util.Set.of(),
                        Optional.empty(),
                        Optional.empty(),
                        true));

        Turn turn = standings.turn(destination("d"), true, SLICE, Duration.ZERO);

        assertThat(turn.grace()).isEqualTo(DestinationPool.CUT_GRACE);
    }
}
