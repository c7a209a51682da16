package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The state function over a minute series shaped like a class that just started: hooked at
 * TRIM_HORIZON after a minute of backlog, the first minute replays it with a large lag for
 * everyone, then the lag falls to under a second.
 */
class StatusFoldTest {
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    static final Instant HOOK = Instant.parse("2026-11-25T10:00:10Z");
    static final Instant ACTIVATED = Instant.parse("2026-11-25T09:55:00Z");
    static final Instant M0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant M1 = M0.plusSeconds(60);
    static final Instant M2 = M0.plusSeconds(120);
    static final Duration THRESHOLD = Duration.ofSeconds(60);
    static final FunctionFacts FUNCTION =
            FunctionFacts.fromEnvironment(
                    "fanout", Map.of(), "arn:aws:iam::123456789012:role/fanoutRole");

    final List<Mapping> mappings = new ArrayList<>();
    final Map<String, LastError> errors = new HashMap<>();

    StatusFoldTest() {
        for (int i = 0; i < 10; i++) {
            mappings.add(student(String.format("ok%02d", i)));
        }
        mappings.add(student("gone"));
        mappings.add(student("deny"));
        errors.put("gone", error("gone", "ResourceNotFoundException", HOOK.plusSeconds(5)));
        errors.put("deny", error("deny", "AccessDeniedException", HOOK.plusSeconds(5)));
    }

    static Mapping student(String id) {
        return Mapping.kinesis(SOURCE, id, id + "Stream")
                .withRole("arn:aws:iam::210987654321:role/" + id + "StreamWriter", "class-42")
                .withRegion("us-west-2")
                .withActive(true)
                .withTimes(ACTIVATED.toString(), ACTIVATED.toString(), 1);
    }

    static LastError error(String id, String code, Instant at) {
        return new LastError(SOURCE, id, code + ": refused", code, at);
    }

    /** The data CloudWatch has at {@code now}: minutes that started before it. */
    static MetricsReport backlogThenSteady(Instant now) {
        Map<String, TargetMetrics> targets = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            List<MinuteSample> minutes = new ArrayList<>();
            minutes.add(new MinuteSample(M0, 2200, 0, 0, 0, 70_000L + i * 100));
            if (now.isAfter(M1)) {
                minutes.add(new MinuteSample(M1, 1200, 0, 0, 0, 400L));
            }
            if (now.isAfter(M2)) {
                minutes.add(new MinuteSample(M2, 1200, 0, 0, 0, 350L));
            }
            long delivered = minutes.stream().mapToLong(MinuteSample::delivered).sum();
            long peak = minutes.stream().mapToLong(MinuteSample::lagMs).max().orElse(0);
            targets.put(
                    String.format("ok%02d", i),
                    new TargetMetrics(
                            delivered,
                            0,
                            0,
                            0,
                            0,
                            peak,
                            minutes.get(minutes.size() - 1).minute(),
                            minutes));
        }
        TreeMap<Instant, Long> recordsIn = new TreeMap<>();
        TreeMap<Instant, Long> iteratorAge = new TreeMap<>();
        recordsIn.put(M0, 2200L);
        iteratorAge.put(M0, 70_000L);
        if (now.isAfter(M1)) {
            recordsIn.put(M1, 1200L);
            iteratorAge.put(M1, 300L);
        }
        if (now.isAfter(M2)) {
            recordsIn.put(M2, 1200L);
            iteratorAge.put(M2, 250L);
        }
        long total = recordsIn.values().stream().mapToLong(Long::longValue).sum();
        return new MetricsReport(
                targets,
                total,
                recordsIn.size(),
                70_000L,
                0,
                recordsIn.lastKey(),
                0,
                1,
                recordsIn,
                new FunctionHealth(iteratorAge.lastEntry().getValue(), 70_000L, 0, 0, 800L, 1L),
                RecentSamples.ofMinutes(targets, recordsIn));
    }

    StatusFold.Result at(Instant now) {
        Instant windowStart =
                now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(240);
        return StatusFold.fold(
                mappings,
                errors,
                Map.of(),
                backlogThenSteady(now),
                FUNCTION,
                THRESHOLD,
                now,
                windowStart,
                "us-west-2");
    }

    static Map<String, DestinationState> states(StatusFold.Result result) {
        Map<String, DestinationState> states = new TreeMap<>();
        result.rows().forEach(row -> states.put(row.id(), row.state()));
        return states;
    }

    @Test
    void healthyStudentsAreOkAtEveryRefreshFromTheFirstDeliveryOnThroughTheBacklogMinute() {
        for (long seconds = 40; seconds <= 170; seconds += 15) {
            Instant now = HOOK.plusSeconds(seconds);
            Map<String, DestinationState> states = states(at(now));
            for (int i = 0; i < 10; i++) {
                assertThat(states.get(String.format("ok%02d", i)))
                        .as("ok%02d %d s after the hook", i, seconds)
                        .isEqualTo(DestinationState.OK);
            }
            assertThat(states.get("gone"))
                    .as("gone at %d s", seconds)
                    .isEqualTo(DestinationState.ERROR);
            assertThat(states.get("deny"))
                    .as("deny at %d s", seconds)
                    .isEqualTo(DestinationState.ERROR);
        }
    }

    @Test
    void theBacklogMinuteIsOneClassBannerThatSaysTheFunctionIsCatchingUp() {
        StatusFold.Result result = at(HOOK.plusSeconds(80));
        assertThat(result.causes()).hasSize(1);
        ClassCause cause = result.causes().get(0);
        assertThat(cause.kind()).isEqualTo(ClassCause.FUNCTION);
        assertThat(cause.affected()).isEqualTo(10);
        assertThat(cause.of()).isEqualTo(12);
        assertThat(cause.headline()).contains("the function or the source");
        assertThat(cause.fix()).contains("catching up on a backlog");
        assertThat(result.rows().stream().filter(DestinationStatus::classWide).count())
                .isEqualTo(10);
    }

    @Test
    void
            onceTheBacklogMinuteIsOlderThanTheLastCompleteMinuteTheBannerIsGoneAndLagShowsNowAndPeak() {
        StatusFold.Result result = at(HOOK.plusSeconds(125));
        assertThat(result.causes()).isEmpty();
        DestinationStatus first =
                result.rows().stream().filter(r -> r.id().equals("ok00")).findFirst().orElseThrow();
        assertThat(first.lagNowMs()).isEqualTo(400L);
        assertThat(first.lagMs()).isEqualTo(70_000L);
        assertThat(first.classWide()).isFalse();
    }

    @Test
    void oneStudentLaggingBeyondTheClassIsLagWithTheShardsAction() {
        mappings.add(student("slow"));
        MetricsReport base = backlogThenSteady(M2.plusSeconds(30));
        Map<String, TargetMetrics> targets = new HashMap<>(base.targets());
        targets.put(
                "slow",
                new TargetMetrics(
                        900,
                        0,
                        40,
                        0,
                        0,
                        95_000L,
                        M1,
                        List.of(new MinuteSample(M1, 900, 0, 40, 0, 95_000L))));
        MetricsReport report =
                new MetricsReport(
                        targets,
                        base.recordsIn(),
                        base.invocations(),
                        base.iteratorAgeMs(),
                        0,
                        base.dataAsOf(),
                        0,
                        1,
                        base.recordsInByMinute(),
                        base.health(),
                        RecentSamples.ofMinutes(targets, base.recordsInByMinute()));
        StatusFold.Result result =
                StatusFold.fold(
                        mappings,
                        errors,
                        Map.of(),
                        report,
                        FUNCTION,
                        THRESHOLD,
                        M2.plusSeconds(30),
                        M0.minusSeconds(120),
                        "us-west-2");
        DestinationStatus slow =
                result.rows().stream().filter(r -> r.id().equals("slow")).findFirst().orElseThrow();
        assertThat(slow.state()).isEqualTo(DestinationState.LAG);
        assertThat(slow.action())
                .contains("aws kinesis update-shard-count --stream-name slowStream")
                .contains("--region us-west-2");
        assertThat(result.causes()).isEmpty();
    }

    @Test
    void aMissingStreamsActionIsTheCreateStreamLineAndADeniedOnesIsTheTrustPolicy() {
        StatusFold.Result result = at(HOOK.plusSeconds(125));
        DestinationStatus gone =
                result.rows().stream().filter(r -> r.id().equals("gone")).findFirst().orElseThrow();
        DestinationStatus deny =
                result.rows().stream().filter(r -> r.id().equals("deny")).findFirst().orElseThrow();
        assertThat(gone.action())
                .isEqualTo(
                        "aws kinesis create-stream --stream-name goneStream --shard-count 1"
                                + " --region us-west-2");
        assertThat(deny.action())
                .contains("\"AWS\" : \"arn:aws:iam::123456789012:role/fanoutRole\"")
                .contains("\"sts:ExternalId\" : \"class-42\"")
                .contains("aws iam update-assume-role-policy --role-name denyStreamWriter");
    }

    @Test
    void whenMostOfTheClassIsDeniedAlikeItIsOneBannerNotOneRowEach() {
        for (int i = 0; i < 10; i++) {
            String id = String.format("ok%02d", i);
            errors.put(id, error(id, "AccessDeniedException", HOOK.plusSeconds(100)));
        }
        Instant now = HOOK.plusSeconds(125);
        StatusFold.Result result =
                StatusFold.fold(
                        mappings,
                        errors,
                        Map.of(),
                        null,
                        FUNCTION,
                        THRESHOLD,
                        now,
                        now.minusSeconds(300),
                        "us-west-2");
        assertThat(result.causes()).hasSize(1);
        ClassCause cause = result.causes().get(0);
        assertThat(cause.kind()).isEqualTo(ClassCause.SHARED_ERROR);
        assertThat(cause.affected()).isEqualTo(11);
        assertThat(cause.headline())
                .startsWith("11 of 12 students fail alike (AccessDeniedException)");
        assertThat(cause.fix()).contains("the fan-out role changed");
        assertThat(
                        result.rows().stream()
                                .filter(DestinationStatus::classWide)
                                .map(DestinationStatus::id))
                .hasSize(11)
                .doesNotContain("gone");
    }

    @Test
    void twoBrokenStudentsInAClassOfTwelveStayTwoRowsWithoutABanner() {
        StatusFold.Result result = at(HOOK.plusSeconds(200));
        assertThat(result.causes()).isEmpty();
        assertThat(result.rows().get(0).state()).isEqualTo(DestinationState.ERROR);
        assertThat(result.rows().get(0).classWide()).isFalse();
    }
}
