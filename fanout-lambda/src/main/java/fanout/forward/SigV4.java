package fanout.forward;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * AWS Signature Version 4 in the Authorization header, written from AWS's published algorithm for
 * the one request shape the direct path sends (a POST without a query string, its path made of
 * unreserved characters), because the SDK's {@code AwsV4HttpSigner} hashes the whole body itself
 * and cannot take its SHA-256 from the caller for a non-streaming request. It adds the headers the
 * SDK's signer adds ({@code Host}, {@code x-amz-content-sha256}, {@code X-Amz-Date}, {@code
 * X-Amz-Security-Token} for session credentials, {@code Authorization}) with the same values;
 * {@code SigV4Test} holds it to that. The derived signing key is kept per secret and day (region
 * and service are this signer's).
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The headers the SDK's signer leaves unsigned (proxies and clients may change them). */
    private static final Set<String> UNSIGNED =
            Set.of(
                    "connection",
                    "x-amzn-trace-id",
                    "user-agent",
                    "expect",
                    "transfer-encoding",
                    "x-forwarded-for");

    /** A path that is its own canonical form: normalising and encoding it changes nothing. */
    private static final Pattern PLAIN_PATH =
            Pattern.compile("(/(?!\\.\\.?(/|$))[A-Za-z0-9._~-]+)*/?");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** Roughly ten classes' students for a day; cleared when full (days roll over). */
    private static final int MAX_KEYS = 4096;

    private static final HexFormat HEX = HexFormat.of();

    private final String region;
    private final String service;
    private final Map<SigningKey, Mac> keys = new ConcurrentHashMap<>();

    SigV4(String region, String service) {
        this.region = Objects.requireNonNull(region, "region is required");
        this.service = Objects.requireNonNull(service, "service is required");
    }

    /** Whether requests to this encoded path can be signed here ("" is "/"). */
    static boolean signs(String encodedPath) {
        return encodedPath.isEmpty() || PLAIN_PATH.matcher(encodedPath).matches();
    }

    /**
     * The request with its signing headers added.
     *
     * @param unsigned a POST without a query string to a path {@link #signs} accepts
     * @param payloadSha256 the SHA-256 of the body that will be sent
     */
    SdkHttpFullRequest sign(
            SdkHttpFullRequest unsigned,
            byte[] payloadSha256,
            AwsCredentialsIdentity credentials,
            Instant at) {
        String path = unsigned.encodedPath();
        if (!signs(path) || !unsigned.rawQueryParameters().isEmpty()) {
            throw new IllegalArgumentException(
                    "SigV4 signs only a POST to a plain path without a query, not " + path);
        }
        String stamp = STAMP.format(at);
        String day = stamp.substring(0, 8);
        String payloadHash = HEX.formatHex(payloadSha256);
        // The SDK's signer sends the body's hash as a header for every service, Kinesis included.
        SdkHttpFullRequest.Builder signing =
                unsigned.toBuilder()
                        .putHeader("Host", host(unsigned))
                        .putHeader("x-amz-content-sha256", payloadHash)
                        .putHeader("X-Amz-Date", stamp);
        if (credentials instanceof AwsSessionCredentialsIdentity session) {
            signing.putHeader("X-Amz-Security-Token", session.sessionToken());
        }
        SdkHttpFullRequest signed = signing.build();
        Map<String, String> headers = canonicalHeaders(signed);
        String signedHeaders = String.join(";", headers.keySet());
        StringBuilder canonical =
                new StringBuilder(512)
                        .append(unsigned.method().name())
                        .append('\n')
                        .append(path.isEmpty() ? "/" : path)
                        .append("\n\n");
        headers.forEach(
                (name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign =
                ALGORITHM
                        + "\n"
                        + stamp
                        + "\n"
                        + scope
                        + "\n"
                        + HEX.formatHex(sha256(canonical.toString()));
        byte[] signature = mac(credentials.secretAccessKey(), day).doFinal(utf8(toSign));
        return signed.toBuilder()
                .putHeader(
                        "Authorization",
                        ALGORITHM
                                + " Credential="
                                + credentials.accessKeyId()
                                + "/"
                                + scope
                                + ", SignedHeaders="
                                + signedHeaders
                                + ", Signature="
                                + HEX.formatHex(signature))
                .build();
    }

    /** The signed headers' names in lower case, sorted, and their values as signed. */
    private static Map<String, String> canonicalHeaders(SdkHttpFullRequest request) {
        Map<String, String> canonical = new TreeMap<>();
        request.forEachHeader(
                (name, values) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!UNSIGNED.contains(lower)) {
                        List<String> trimmed = new ArrayList<>(values.size());
                        values.forEach(v -> trimmed.add(trimAll(v)));
                        canonical.put(lower, String.join(",", trimmed));
                    }
                });
        return canonical;
    }

    /** What the SDK's signer puts in Host: the port only when it is not the protocol's own. */
    private static String host(SdkHttpFullRequest request) {
        int port = request.port();
        boolean standard =
                port == -1
                        || ("http".equals(request.protocol()) && port == 80)
                        || ("https".equals(request.protocol()) && port == 443);
        return standard ? request.host() : request.host() + ":" + port;
    }

    /** A fresh HMAC keyed with the day's signing key, derived once per secret and day. */
    private Mac mac(String secret, String day) {
        SigningKey key = new SigningKey(secret, day);
        Mac prototype = keys.get(key);
        if (prototype == null) {
            if (keys.size() >= MAX_KEYS) {
                keys.clear();
            }
            byte[] derived = utf8("AWS4" + secret);
            for (String part : List.of(day, region, service, "aws4_request")) {
                derived = hmac(derived).doFinal(utf8(part));
            }
            prototype = hmac(derived);
            keys.put(key, prototype);
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's HmacSHA256 cannot be cloned", e);
        }
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] sha256(String text) {
        return sha256().digest(utf8(text));
    }

    /** As the SDK's canonical header values: trimmed, runs of white space made one space. */
    static String trimAll(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record SigningKey(String secret, String day) {
        /** Never the secret. */
        @Override
        public String toString() {
            return "SigningKey[" + day + "]";
        }
    }
}
