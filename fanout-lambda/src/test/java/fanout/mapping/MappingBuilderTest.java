package fanout.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MappingBuilderTest {

    private static final String SOURCE = "arn:aws:kinesis:eu-west-1:111122223333:stream/class";

    @Test
    void aNewKinesisMappingHasTheOriginalsDefaults() {
        Mapping mapping = Mapping.kinesis(SOURCE, "ada", "ada-stream");

        assertThat(mapping.type()).isEqualTo(Mapping.TYPE_KINESIS);
        assertThat(mapping.parallel()).isTrue();
        assertThat(mapping.active()).isFalse();
        assertThat(mapping.role()).isNull();
        assertThat(mapping.version()).isZero();
    }

    @Test
    void toBuilderWithoutChangesGivesAnEqualRow() {
        Mapping mapping =
                Mapping.kinesis(SOURCE, "ada", "ada-stream")
                        .withRole("arn:aws:iam::444455556666:role/w", "x")
                        .withPeople("Ada", "Bob", "roster")
                        .withTimes("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", 3);

        assertThat(mapping.toBuilder().build()).isEqualTo(mapping);
    }

    @Test
    void aWithMethodChangesOnlyItsOwnAttributes() {
        Mapping mapping = Mapping.kinesis(SOURCE, "ada", "ada-stream").withRegion("us-east-1");

        Mapping changed = mapping.withActive(true).withDeaggregate(true);

        assertThat(changed.active()).isTrue();
        assertThat(changed.deaggregate()).isTrue();
        assertThat(changed.withActive(false).withDeaggregate(false)).isEqualTo(mapping);
    }

    @Test
    void theBuilderStillValidatesThroughTheRecord() {
        assertThatThrownBy(
                        () -> Mapping.kinesis(SOURCE, "ada", "s").toBuilder().version(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version must not be negative");
    }
}
