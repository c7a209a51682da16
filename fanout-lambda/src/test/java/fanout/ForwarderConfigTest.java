package fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwarderConfigTest {
    @Test
    void defaultsFollowTheFunctionName() {
        ForwarderConfig config =
                ForwarderConfig.fromEnvironment(
                        Map.of(
                                "AWS_LAMBDA_FUNCTION_NAME",
                                "classFanout",
                                "AWS_REGION",
                                "eu-west-1"));

        assertThat(config.targetsTable()).isEqualTo("classFanoutTargets");
        assertThat(config.stateTable()).isEqualTo("classFanoutState");
        assertThat(config.metricNamespace()).isEqualTo("Fanout");
        assertThat(config.mappingCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.transform()).isEqualTo("none");
        assertThat(config.maxConcurrency()).isEqualTo(32);
        assertThat(config.destinationSlice()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void withoutAFunctionNameTheTablesAreTheOriginalsDefaults() {
        ForwarderConfig config = ForwarderConfig.fromEnvironment(Map.of());
        assertThat(config.functionName()).isEqualTo("fanout");
        assertThat(config.targetsTable()).isEqualTo("fanoutTargets");
        assertThat(config.stateTable()).isEqualTo("fanoutState");
    }

    @Test
    void everyVariableIsRead() {
        ForwarderConfig config =
                ForwarderConfig.fromEnvironment(
                        Map.of(
                                "FANOUT_TARGETS_TABLE",
                                "T",
                                "FANOUT_STATE_TABLE",
                                "S",
                                "FANOUT_METRIC_NAMESPACE",
                                "Class",
                                "FANOUT_MAPPING_CACHE_TTL_SECONDS",
                                "60",
                                "FANOUT_TRANSFORM",
                                "hello-retail",
                                "FANOUT_MAX_CONCURRENCY",
                                "8",
                                "FANOUT_DESTINATION_SLICE_SECONDS",
                                "2.5"));
        assertThat(config)
                .extracting(
                        ForwarderConfig::targetsTable,
                        ForwarderConfig::stateTable,
                        ForwarderConfig::metricNamespace,
                        ForwarderConfig::mappingCacheTtl,
                        ForwarderConfig::transform,
                        ForwarderConfig::maxConcurrency,
                        ForwarderConfig::destinationSlice)
                .containsExactly(
                        "T",
                        "S",
                        "Class",
                        Duration.ofSeconds(60),
                        "hello-retail",
                        8,
                        Duration.ofMillis(2500));
    }

    @Test
    void aTtlOverSixtySecondsIsRefusedNamingTheVariable() {
        assertThatThrownBy(
                        () ->
                                ForwarderConfig.fromEnvironment(
                                        Map.of("FANOUT_MAPPING_CACHE_TTL_SECONDS", "61")))
                .hasMessageContaining("FANOUT_MAPPING_CACHE_TTL_SECONDS")
                .hasMessageContaining("61");
    }

    @Test
    void anUnknownTransformIsRefusedNamingTheVariable() {
        assertThatThrownBy(
                        () -> ForwarderConfig.fromEnvironment(Map.of("FANOUT_TRANSFORM", "gzip")))
                .hasMessageContaining("FANOUT_TRANSFORM")
                .hasMessageContaining("gzip");
    }

    @Test
    void aNonNumericConcurrencyIsRefusedNamingTheVariable() {
        assertThatThrownBy(
                        () ->
                                ForwarderConfig.fromEnvironment(
                                        Map.of("FANOUT_MAX_CONCURRENCY", "lots")))
                .hasMessageContaining("FANOUT_MAX_CONCURRENCY")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(
                        () ->
                                ForwarderConfig.fromEnvironment(
                                        Map.of("FANOUT_DESTINATION_SLICE_SECONDS", "0")))
                .hasMessageContaining("FANOUT_DESTINATION_SLICE_SECONDS")
                .hasMessageContaining("between 0.1 and 60");
        assertThatThrownBy(
                        () ->
                                ForwarderConfig.fromEnvironment(
                                        Map.of("FANOUT_DESTINATION_SLICE_SECONDS", "soon")))
                .hasMessageContaining("FANOUT_DESTINATION_SLICE_SECONDS")
                .hasMessageContaining("'soon'");
    }

    @Test
    void onlyLambdasSnapStartInitialisationIsASnapshotInit() {
        assertThat(ForwarderConfig.fromEnvironment(Map.of()).snapshotInit()).isFalse();
        assertThat(
                        ForwarderConfig.fromEnvironment(
                                        Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"))
                                .snapshotInit())
                .isFalse();
        assertThat(
                        ForwarderConfig.fromEnvironment(
                                        Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))
                                .snapshotInit())
                .isTrue();
    }
}
