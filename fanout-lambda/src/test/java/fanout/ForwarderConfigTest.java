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
        assertThat(config.maxBatchRetries()).isEqualTo(3);
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
                                "FANOUT_MAX_BATCH_RETRIES",
                                "0"));
        assertThat(config)
                .extracting(
                        ForwarderConfig::targetsTable,
                        ForwarderConfig::stateTable,
                        ForwarderConfig::metricNamespace,
                        ForwarderConfig::mappingCacheTtl,
                        ForwarderConfig::transform,
                        ForwarderConfig::maxConcurrency,
                        ForwarderConfig::maxBatchRetries)
                .containsExactly("T", "S", "Class", Duration.ofSeconds(60), "hello-retail", 8, 0);
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
                                        Map.of("FANOUT_MAX_BATCH_RETRIES", "-1")))
                .hasMessageContaining("FANOUT_MAX_BATCH_RETRIES");
    }
}
