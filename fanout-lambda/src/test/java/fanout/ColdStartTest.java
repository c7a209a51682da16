package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.forward.StsKinesisClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

class ColdStartTest {
    private static final ForwarderConfig US_EAST_1 =
            ForwarderConfig.fromEnvironment(Map.of(ForwarderConfig.REGION, "us-east-1"));

    private final ScheduledExecutorService timers = AwsServices.timers();
    private final Logger logger = Logger.getLogger(ColdStart.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        timers.shutdownNow();
    }

    /** The local answers, noting what each request was for. */
    private static final class Noting implements SdkHttpClient {
        final SdkHttpClient answers = new PrimingAnswers("fanout-priming", "us-east-1");
        final List<String> requests = new CopyOnWriteArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.add(
                    request.httpRequest()
                            .firstMatchingHeader("X-Amz-Target")
                            .orElseGet(() -> action(request)));
            return answers.prepareRequest(request);
        }

        /** A query-protocol request's Action, from its form body. */
        private static String action(HttpExecuteRequest request) {
            String form =
                    request.contentStreamProvider()
                            .map(
                                    p -> {
                                        try (var in = p.newStream()) {
                                            return new String(
                                                    in.readAllBytes(), StandardCharsets.UTF_8);
                                        } catch (IOException e) {
                                            throw new UncheckedIOException(e);
                                        }
                                    })
                            .orElse("");
            return Arrays.stream(form.split("&"))
                    .filter(f -> f.startsWith("Action="))
                    .findFirst()
                    .orElse("no Action");
        }

        @Override
        public void close() {}
    }

    @Test
    void theSdkPipelinesRunToTheirAnswersWithoutLeavingTheProcess() {
        Noting local = new Noting();

        // A request the SDK could not marshal, or an answer it could not read, would throw here.
        ColdStart.pipelines(Region.of("eu-west-1"), timers, local);

        assertThat(local.requests)
                .containsExactly(
                        "DynamoDB_20120810.Query",
                        "DynamoDB_20120810.GetItem",
                        "Action=PutMetricData");
    }

    @Test
    void aFactoryThatNeverComesIsLoggedAndTheThreadEnds() throws Exception {
        CompletableFuture<StsKinesisClientFactory> never = new CompletableFuture<>();
        never.completeExceptionally(new IllegalStateException("the factory could not be built"));

        Thread priming = ColdStart.primeInBackground(US_EAST_1, timers, Clock.systemUTC(), never);
        priming.join(30_000);

        assertThat(priming.isAlive()).isFalse();
        assertThat(priming.isDaemon()).isTrue();
        assertThat(logged)
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.getThrown())
                                        .hasRootCauseMessage("the factory could not be built"));
    }

    @Test
    void aSnapStartInitialisationReturnsOnlyOncePrimingHasFinished() {
        CompletableFuture<StsKinesisClientFactory> failed = new CompletableFuture<>();
        Thread priming = ColdStart.primeInBackground(US_EAST_1, timers, Clock.systemUTC(), failed);
        failed.completeExceptionally(new IllegalStateException("no factory in this test"));

        ColdStart.finishBeforeSnapshot(priming);

        // The snapshot holds whatever priming loaded: it must have run to its end, not be mid-way.
        assertThat(priming.isAlive()).isFalse();
        assertThat(logged).noneMatch(r -> r.getMessage().contains("did not finish"));
    }

    @Test
    void aPrimingThatOverrunsTheSnapshotWaitIsLoggedNotAwaitedForever() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread stuck =
                new Thread(
                        () -> {
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        stuck.setDaemon(true);
        stuck.start();
        long started = System.nanoTime();
        try {
            ColdStart.finishBeforeSnapshot(stuck, java.time.Duration.ofMillis(300));
        } finally {
            release.countDown();
        }

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(logged)
                .singleElement()
                .satisfies(
                        r -> assertThat(r.getMessage()).contains("did not finish within 300 ms"));
    }
}
