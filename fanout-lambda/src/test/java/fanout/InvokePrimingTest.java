package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvokePrimingTest {
    private final ScheduledExecutorService timers = AwsServices.timers();

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    private static ForwarderConfig config(Map<String, String> environment) {
        return ForwarderConfig.fromEnvironment(environment);
    }

    private static long destinationThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("fanout-destination-"))
                .count();
    }

    @Test
    void wholeInvocationsRunAgainstTheAnswersAndEveryRecordReachesEveryDestination()
            throws Exception {
        ForwarderConfig config =
                config(
                        Map.of(
                                ForwarderConfig.REGION,
                                "eu-west-1",
                                ForwarderConfig.TRANSFORM,
                                "hello-retail"));
        PrimingAnswers answers = new PrimingAnswers(config.targetsTable(), config.region());
        long before = destinationThreads();

        int rounds =
                InvokePriming.run(
                        config, timers, Clock.systemUTC(), Duration.ofSeconds(20), answers);

        assertThat(rounds).isBetween(1, InvokePriming.MAX_ROUNDS);
        // Every record of every round went to every destination, each accepted once.
        assertThat(answers.records())
                .isEqualTo((long) rounds * InvokePriming.DESTINATIONS * InvokePriming.RECORDS);
        // Each student's role was assumed once: the made-up credentials last the whole priming.
        assertThat(answers.answered("AssumeRole")).isEqualTo(InvokePriming.DESTINATIONS);
        assertThat(answers.answered("Query")).isGreaterThanOrEqualTo(1);
        assertThat(answers.answered("PutMetricData")).isGreaterThanOrEqualTo(1);
        // Its destination threads are gone before the snapshot: none of them is kept in it.
        for (int i = 0; i < 50 && destinationThreads() > before; i++) {
            Thread.sleep(20);
        }
        assertThat(destinationThreads()).isEqualTo(before);
    }

    @Test
    void theBudgetBoundsTheRounds() {
        ForwarderConfig config = config(Map.of(ForwarderConfig.REGION, "us-west-2"));
        PrimingAnswers answers = new PrimingAnswers(config.targetsTable(), config.region());

        int rounds = InvokePriming.run(config, timers, Clock.systemUTC(), Duration.ZERO, answers);

        assertThat(rounds).isZero();
        assertThat(answers.records()).isZero();
    }

    @Test
    void theSdkPathIsNotPrimedTheAnswersDoNotSpeakCbor() {
        ForwarderConfig config =
                config(
                        Map.of(
                                ForwarderConfig.REGION,
                                "us-west-2",
                                ForwarderConfig.PUT_RECORDS,
                                "sdk"));
        PrimingAnswers answers = new PrimingAnswers(config.targetsTable(), config.region());

        assertThat(
                        InvokePriming.run(
                                config, timers, Clock.systemUTC(), Duration.ofSeconds(5), answers))
                .isZero();
        assertThat(answers.answered("Query")).isZero();
    }
}
