package fanout.selfreg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Posts an answer to a command's {@code response_url}, only when it starts with the allowed prefix
 * (on AWS, Slack's {@code https://hooks.slack.com/}): the URL comes from the request body, and a
 * signed request is still no licence to make this function call anywhere else.
 */
public class LateAnswers {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String allowedPrefix;
    private final ObjectMapper json;
    private final HttpClient http;

    public LateAnswers(String allowedPrefix, ObjectMapper json) {
        this.allowedPrefix = Objects.requireNonNull(allowedPrefix, "allowedPrefix is required");
        this.json = Objects.requireNonNull(json, "json is required");
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(TIMEOUT)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /**
     * @throws IOException when the URL is not allowed, cannot be reached or refuses the answer
     */
    public void post(String responseUrl, Outcome outcome) throws IOException {
        if (responseUrl == null || !responseUrl.startsWith(allowedPrefix)) {
            throw new IOException(
                    "response_url '" + responseUrl + "' does not start with " + allowedPrefix);
        }
        byte[] body =
                json.writeValueAsBytes(
                        Map.of(
                                "response_type",
                                "ephemeral",
                                "replace_original",
                                true,
                                "text",
                                outcome.text(),
                                "fanout_outcome",
                                outcome.kind().word()));
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(responseUrl))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        try {
            HttpResponse<Void> response =
                    http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("response_url answered HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while posting to response_url", e);
        }
    }
}
