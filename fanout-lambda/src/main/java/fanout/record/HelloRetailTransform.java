package fanout.record;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The hello-retail workshop's egress step: each JSON object payload gains {@code schema}, {@code
 * eventId} (the source event id), {@code timeIngest} (the source arrival time) and {@code
 * timeProcess} (now), as the workshop's consumers expect from {@code
 * com.nordstrom/retail-stream-egress/1-0-0}. Existing fields are kept (those four are overwritten:
 * the producer's ingress {@code schema} becomes the egress one). Anything that is not a JSON object
 * is {@link RecordTransform.Unsendable}: the consumers would reject it.
 */
final class HelloRetailTransform implements RecordTransform {
    static final String EGRESS_SCHEMA = "com.nordstrom/retail-stream-egress/1-0-0";

    private static final int PREVIEW_CHARS = 40;

    /** Like JavaScript's {@code toISOString()}: always milliseconds, always UTC. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    /**
     * Numbers are kept as written (12.10 stays 12.10, long decimals keep their digits): the
     * transform adds fields, it must not reformat the producer's values.
     */
    private final ObjectMapper mapper =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

    HelloRetailTransform(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    @Override
    public String name() {
        return HELLO_RETAIL;
    }

    @Override
    public Result apply(SourceRecord source, byte[] payload) {
        return apply(source, source.eventId(), payload);
    }

    @Override
    public Result apply(SourceRecord source, String eventId, byte[] payload) {
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JacksonException e) {
            return unsendable("payload is not JSON", payload);
        } catch (IOException e) {
            return unsendable("payload could not be read", payload);
        }
        if (root == null || root.isMissingNode()) {
            return unsendable("payload is not JSON", payload);
        }
        if (!(root instanceof ObjectNode object)) {
            return unsendable("payload is not a JSON object", payload);
        }
        object.put("schema", EGRESS_SCHEMA);
        object.put("eventId", eventId);
        object.put("timeIngest", iso(source.approximateArrival()));
        object.put("timeProcess", iso(clock.instant()));
        try {
            return new Transformed(mapper.writeValueAsBytes(object));
        } catch (IOException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    private static Unsendable unsendable(String problem, byte[] payload) {
        return new Unsendable(problem + " (hello-retail transform): " + preview(payload));
    }

    /**
     * The payload's first characters, safe to store and print: controls and non-text become '?'.
     */
    static String preview(byte[] payload) {
        // Malformed UTF-8 decodes to U+FFFD, which printable() turns into '?'.
        String text =
                new String(
                        payload,
                        0,
                        Math.min(payload.length, PREVIEW_CHARS * 4),
                        StandardCharsets.UTF_8);
        StringBuilder preview = new StringBuilder();
        text.codePoints()
                .limit(PREVIEW_CHARS)
                .forEach(c -> preview.appendCodePoint(printable(c) ? c : '?'));
        if (text.codePointCount(0, text.length()) > PREVIEW_CHARS
                || payload.length > PREVIEW_CHARS * 4) {
            preview.append("...");
        }
        return payload.length == 0 ? "(empty)" : "'" + preview + "'";
    }

    private static boolean printable(int codePoint) {
        return !Character.isISOControl(codePoint)
                && codePoint != '\uFFFD'
                && Character.getType(codePoint) != Character.FORMAT
                && Character.isDefined(codePoint);
    }

    @Override
    public String toString() {
        return HELLO_RETAIL;
    }
}
