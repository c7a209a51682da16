package fanout.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingAttributeTest {

    @Test
    void theAttributesAreTheRecordsComponentsInTheirOrder() {
        List<String> components =
                Arrays.stream(Mapping.class.getRecordComponents()).map(c -> c.getName()).toList();

        assertThat(MappingAttribute.names()).isEqualTo(components);
    }

    @Test
    void everyAttributeTheCodecWritesIsListed() {
        Mapping full =
                Mapping.kinesis("arn:aws:kinesis:eu-west-1:111122223333:stream/s", "ada", "d")
                        .toBuilder()
                        .role("arn:aws:iam::444455556666:role/w")
                        .externalId("x")
                        .region("eu-west-1")
                        .collapse("none")
                        .name("Ada")
                        .helper("Bob")
                        .origin("cli")
                        .createdAt("2026-01-01T00:00:00Z")
                        .updatedAt("2026-01-01T00:00:00Z")
                        .build();

        Map<String, ?> item = MappingCodec.toItem(full);

        assertThat(MappingAttribute.names()).containsExactlyInAnyOrderElementsOf(item.keySet());
    }

    @Test
    void absentValuesAreEmptyAndOthersTheirPlainText() {
        Mapping mapping =
                Mapping.kinesis("arn:aws:kinesis:eu-west-1:111122223333:stream/s", "ada", "d")
                        .withTimes(null, null, 7);

        List<String> texts = MappingAttribute.texts(mapping);

        assertThat(texts.get(MappingAttribute.ROLE.ordinal())).isEmpty();
        assertThat(texts.get(MappingAttribute.PARALLEL.ordinal())).isEqualTo("true");
        assertThat(texts.get(MappingAttribute.VERSION.ordinal())).isEqualTo("7");
    }
}
