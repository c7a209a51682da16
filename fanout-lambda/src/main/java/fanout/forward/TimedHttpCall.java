package fanout.forward;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * One signed request through the shared pooled HTTP client, cut off after a timeout the way the
 * SDK's attempt timeout does (by aborting it), failing with the SDK's exceptions so callers
 * classify it as they do the SDK's calls.
 */
final class TimedHttpCall {
    /** Reads the answer; it must read the body to its end, so the connection is reused. */
    @FunctionalInterface
    interface Answer<T> {
        T read(HttpExecuteResponse response) throws IOException;
    }

    private TimedHttpCall() {}

    /**
     * @param timers where the timeout fires; they only schedule, never block
     * @param timeoutMillis at least 1
     */
    static <T> T send(
            SdkHttpClient http,
            SdkHttpRequest signed,
            ContentStreamProvider body,
            ScheduledExecutorService timers,
            long timeoutMillis,
            Answer<T> answer) {
        ExecutableHttpRequest call =
                http.prepareRequest(
                        HttpExecuteRequest.builder()
                                .request(signed)
                                .contentStreamProvider(body)
                                .build());
        long timeout = Math.max(1, timeoutMillis);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> timer =
                timers.schedule(
                        () -> {
                            timedOut.set(true);
                            call.abort();
                        },
                        timeout,
                        TimeUnit.MILLISECONDS);
        try {
            return answer.read(call.call());
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                throw ApiCallAttemptTimeoutException.create(timeout);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw SdkClientException.create("Unable to execute HTTP request: " + e.getMessage(), e);
        } finally {
            timer.cancel(false);
        }
    }
}
