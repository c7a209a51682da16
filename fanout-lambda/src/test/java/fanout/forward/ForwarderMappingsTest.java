package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.MappingCodec;
import fanout.metrics.MetricNames;
import fanout.state.LastError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the forwarder reads, validates and prepares records for its mappings. */
class ForwarderMappingsTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void recordsArePreparedOncePerVariantNotOncePerDestination() {
        for (int i = 1; i <= 5; i++) {
            h.target("t" + i, "s" + i);
        }
        h.forward(Records.batch(4, "a"));
        assertThat(h.preparer.plain).hasValue(1);
        assertThat(h.preparer.deaggregated).hasValue(0);

        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "d1", "sd1")
                        .withActive(true)
                        .withDeaggregate(true));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "d2", "sd2")
                        .withActive(true)
                        .withDeaggregate(true));
        h.clock.advance(h.ttl);
        h.forward(Records.batch(4, "a"));

        assertThat(h.preparer.plain).hasValue(2);
        assertThat(h.preparer.deaggregated).hasValue(1);
        assertThat(h.kinesis.written("sd2")).hasSize(4);
    }

    @Test
    void mappingsAreReadOncePerTtl() {
        h.target("t1", "s1");
        h.forward(Records.batch(1, "a"));
        h.clock.advance(Duration.ofSeconds(10));
        h.forward(Records.batch(1, "a"));
        assertThat(h.mappingReads).hasValue(1);

        h.target("t2", "s2");
        h.clock.advance(Duration.ofSeconds(21));
        h.forward(Records.batch(1, "a"));

        assertThat(h.mappingReads).hasValue(2);
        assertThat(h.kinesis.written("s2")).hasSize(1);
    }

    @Test
    void aFailedMappingReadServesTheLastGoodMappingsWithAWarningMetric() {
        h.target("t1", "s1");
        h.forward(Records.batch(2, "a"));
        h.clock.advance(h.ttl);
        h.mappingReadFailure = new IllegalStateException("table unavailable");

        List<String> handBacks = h.forward(Records.batch(2, "a"));

        assertThat(handBacks).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(4);
        assertThat(h.snapshots.get(h.snapshots.size() - 1).sources())
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s.warnings())
                                        .containsEntry(MetricNames.MAPPING_READ_ERRORS, 1L));
        // Not read again on the very next batch while the table fails.
        int reads = h.mappingReads.get();
        h.forward(Records.batch(1, "a"));
        assertThat(h.mappingReads).hasValue(reads);
    }

    @Test
    void withoutAnyGoodReadAFailedMappingReadHandsTheBatchBack() {
        h.target("t1", "s1");
        h.mappingReadFailure = new IllegalStateException("table unavailable");

        assertThat(h.forward(Records.batch(2, "a"))).containsExactly(Records.sequence(1));
    }

    @Test
    void invalidRowsAreSkippedWithTheirReasonAsLastError() {
        h.target("good", "s1");
        // A row as the original CLI wrote it for one of its other target types.
        h.mappings.add(
                MappingCodec.fromItem(
                        Map.of(
                                "sourceArn", AttributeValue.fromS(Records.SOURCE_ARN),
                                "id", AttributeValue.fromS("sqs1"),
                                "type", AttributeValue.fromS("sqs"),
                                "destination", AttributeValue.fromS("q"),
                                "active", AttributeValue.fromBool(true))));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "nodest", null)
                        .withActive(true));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "badrole", "s9")
                        .withActive(true)
                        .withRole("arn:aws:iam::12:role/x", null));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(
                                Records.SOURCE_ARN,
                                "badarn",
                                "arn:aws:kinesis:us-west-2:123456789012:table/x")
                        .withActive(true));

        List<String> handBack = h.forward(Records.batch(3, "a"));

        assertThat(handBack).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(3);
        assertThat(h.kinesis.calls("s9")).isEmpty();
        LastError sqs = h.state.errorsOf("sqs1").get(0);
        assertThat(sqs.code()).isEqualTo("UnsupportedType");
        assertThat(sqs.message()).isEqualTo("unsupported target type 'sqs'");
        assertThat(h.state.errorsOf("nodest"))
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("InvalidMapping"));
        assertThat(h.state.errorsOf("badrole"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("account '12'"));
        assertThat(h.state.errorsOf("badarn"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("stream/NAME"));

        // Reported once per mapping read, not once per batch.
        h.forward(Records.batch(3, "a"));
        assertThat(h.state.errorsOf("sqs1")).hasSize(1);
    }

    @Test
    void rolesArePassedWithASessionNameNamingTheMapping() {
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "ab12", "ab12Stream")
                        .withActive(true)
                        .withRole("arn:aws:iam::210987654321:role/ab12StreamWriter", "ext-1"));

        h.forward(Records.batch(1, "a"));

        assertThat(h.rolesAsked)
                .singleElement()
                .satisfies(
                        role -> {
                            assertThat(role).isPresent();
                            assertThat(role.get().roleArn())
                                    .isEqualTo("arn:aws:iam::210987654321:role/ab12StreamWriter");
                            assertThat(role.get().externalId()).contains("ext-1");
                            assertThat(role.get().sessionName()).isEqualTo("fanout-ab12");
                        });
    }
}
