package fanout.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lambda-shaped Kinesis events in {@code src/test/resources/events}, written by {@code
 * src/test/node/make-kpl-fixtures.js} with aws-kinesis-agg, and what that script put into them.
 */
final class EventFixtures {
    static final String SOURCE_ARN =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventFixtures() {}

    /** One user record as the script handed it to aws-kinesis-agg. */
    record ExpectedUser(String partitionKey, String explicitHashKey, String data) {
        Deaggregator.UserRecord asUserRecord() {
            return new Deaggregator.UserRecord(
                    partitionKey, explicitHashKey, data.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One Kinesis record of the event and the user records inside it. */
    record ExpectedRecord(String sequenceNumber, boolean aggregated, List<ExpectedUser> users) {}

    static JsonNode event(String name) {
        return json("/events/" + name + ".json");
    }

    static List<SourceRecord> records(String name) {
        return KinesisEvents.read(event(name));
    }

    static List<ExpectedRecord> expected(String name) {
        List<ExpectedRecord> records = new ArrayList<>();
        for (JsonNode record : json("/events/" + name + ".expected.json").get("records")) {
            List<ExpectedUser> users = new ArrayList<>();
            for (JsonNode user : record.get("userRecords")) {
                users.add(
                        new ExpectedUser(
                                user.get("partitionKey").asText(),
                                user.get("explicitHashKey").isNull()
                                        ? null
                                        : user.get("explicitHashKey").asText(),
                                user.get("data").asText()));
            }
            records.add(
                    new ExpectedRecord(
                            record.get("sequenceNumber").asText(),
                            record.get("aggregated").asBoolean(),
                            users));
        }
        return records;
    }

    static List<ExpectedUser> expectedUsers(String name) {
        return expected(name).stream().flatMap(record -> record.users().stream()).toList();
    }

    private static JsonNode json(String resource) {
        try (InputStream in = EventFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
