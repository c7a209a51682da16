package fanout.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/** Kinesis on the wire: refuses expired session tokens with a 400 as AWS does. */
final class TokenCheckingKinesis implements SdkHttpClient {
    final Set<String> expired = ConcurrentHashMap.newKeySet();
    final List<String> accepted = new ArrayList<>();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        String token =
                request.httpRequest().firstMatchingHeader("X-Amz-Security-Token").orElseThrow();
        boolean refused = expired.contains(token);
        if (!refused) {
            accepted.add(token);
        }
        String body =
                refused
                        ? "{\"__type\":\"ExpiredTokenException\",\"message\":\"expired\"}"
                        : "{\"FailedRecordCount\":0,\"Records\":[{\"SequenceNumber\":\"1\"}]}";
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(refused ? 400 : 200).build())
                        .responseBody(
                                AbortableInputStream.create(
                                        new java.io.ByteArrayInputStream(
                                                body.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public void close() {}
}
