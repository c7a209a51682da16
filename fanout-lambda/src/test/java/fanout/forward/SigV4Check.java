package fanout.forward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's SigV4 signature from what arrived on the wire (AWS's published algorithm,
 * written out here so that neither path's signer checks itself), for a POST to "/" without a query.
 */
final class SigV4Check {
    private static final Pattern AUTHORIZATION =
            Pattern.compile(
                    "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,"
                            + " SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    private SigV4Check() {}

    /** The signed header names, lower case, in the order signed. */
    static List<String> signedHeaders(String authorization) {
        Matcher m = match(authorization);
        return List.of(m.group(5).split(";"));
    }

    /** Whether the signature is the one the secret key gives for this request. */
    static boolean valid(Map<String, List<String>> headers, byte[] body, String secretKey)
            throws Exception {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), String.join(",", v).trim()));
        Matcher m = match(lower.get("authorization"));
        String date = m.group(2);
        String scope = date + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        StringBuilder canonical = new StringBuilder("POST\n/\n\n");
        for (String name : m.group(5).split(";")) {
            canonical.append(name).append(':').append(lower.get(name)).append('\n');
        }
        canonical.append('\n').append(m.group(5)).append('\n').append(hex(sha256(body)));
        String toSign =
                "AWS4-HMAC-SHA256\n"
                        + lower.get("x-amz-date")
                        + "\n"
                        + scope
                        + "\n"
                        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(date, m.group(3), m.group(4), "aws4_request")) {
            key = hmac(key, part);
        }
        return hex(hmac(key, toSign)).equals(m.group(6));
    }

    private static Matcher match(String authorization) {
        Matcher m = AUTHORIZATION.matcher(String.valueOf(authorization));
        if (!m.matches()) {
            throw new AssertionError("not a SigV4 Authorization header: " + authorization);
        }
        return m;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
