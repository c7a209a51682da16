package fanout.loopback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One request as the SDK sent it: the JSON target or the Query action, the body (gunzipped), and
 * who signed it (the access key in the SigV4 Authorization header's Credential).
 *
 * @param target {@code X-Amz-Target} (JSON protocols), empty for the Query protocol
 * @param accessKey the signing access key, empty when unsigned
 */
record WireRequest(String target, byte[] body, String accessKey, String securityToken) {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    WireRequest {
        Objects.requireNonNull(target, "target is required");
        Objects.requireNonNull(body, "body is required");
        Objects.requireNonNull(accessKey, "accessKey is required");
        Objects.requireNonNull(securityToken, "securityToken is required");
    }

    static WireRequest of(
            String target,
            String contentEncoding,
            String authorization,
            String securityToken,
            byte[] raw) {
        byte[] body = "gzip".equalsIgnoreCase(contentEncoding) ? gunzip(raw) : raw;
        String key = "";
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                key = m.group(1);
            }
        }
        return new WireRequest(
                target == null ? "" : target,
                body,
                key,
                securityToken == null ? "" : securityToken);
    }

    /** The form fields of a Query-protocol body. */
    Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static byte[] gunzip(byte[] raw) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a gzip body that does not unzip", e);
        }
    }
}
