package fanout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceStreamDimensionTest {

    @Test
    void aStreamArnGivesTheStreamsName() {
        assertThat(
                        MetricNames.sourceStreamOf(
                                "arn:aws:kinesis:eu-west-1:111122223333:stream/coreRetailStream"))
                .isEqualTo("coreRetailStream");
    }

    @Test
    void textWithoutAStreamResourceIsUsedAsGiven() {
        assertThat(MetricNames.sourceStreamOf("not-an-arn")).isEqualTo("not-an-arn");
    }
}
