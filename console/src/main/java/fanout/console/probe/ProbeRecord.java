package fanout.console.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The payload of a probe: the workshop's {@code probeTemplate} (a record its consumers accept) with
 * {@code {probeId}} and {@code {now}} filled in wherever they appear in a string; without a
 * template, a small JSON object that names the probe.
 */
public final class ProbeRecord {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProbeRecord() {}

    public static byte[] payload(JsonNode template, String probeId, Instant now) {
        JsonNode filled;
        if (template == null || template.isMissingNode() || template.isNull()) {
            ObjectNode fallback = JsonNodeFactory.instance.objectNode();
            fallback.put("fanoutProbe", probeId);
            fallback.put("sentAt", now.toString());
            filled = fallback;
        } else {
            filled = fill(template.deepCopy(), probeId, now.toString());
        }
        try {
            return JSON.writeValueAsString(filled).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode fill(JsonNode node, String probeId, String now) {
        if (node.isTextual()) {
            return TextNode.valueOf(
                    node.asText().replace("{probeId}", probeId).replace("{now}", now));
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(fill(field.getValue(), probeId, now));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), probeId, now));
            }
        }
        return node;
    }
}
