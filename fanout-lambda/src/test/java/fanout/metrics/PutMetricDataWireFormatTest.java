package fanout.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fanout.testing.CloudWatchWire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * PutMetricData on the wire: a statistic set as form fields, gzipped when large (see {@link
 * CloudWatchWire}), as {@link CloudWatchMetricsPublisher} sends it
 */
class PutMetricDataWireFormatTest extends CloudWatchWire {
    @Test
    void putMetricDataWithAStatisticSetIsAFormEncodedQueryRequest() {
        wireMock.stubFor(
                post(urlEqualTo("/"))
                        .withRequestBody(containing("Action=PutMetricData"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                "<PutMetricDataResponse xmlns=\""
                                                        + XMLNS
                                                        + "\">"
                                                        + "<ResponseMetadata><RequestId>3f1c2b9a-0000-4000-8000-"
                                                        + "000000000003</RequestId></ResponseMetadata>"
                                                        + "</PutMetricDataResponse>")));
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("DeliveryLag")
                                                .dimensions(
                                                        d -> d.name("FunctionName").value("fanout"),
                                                        d ->
                                                                d.name("SourceStream")
                                                                        .value("coreRetailStream"),
                                                        d -> d.name("Target").value("ab12"))
                                                .unit(StandardUnit.MILLISECONDS)
                                                .timestamp(Instant.parse("2026-11-25T10:00:12Z"))
                                                .statisticValues(
                                                        StatisticSet.builder()
                                                                .sampleCount(3.0)
                                                                .sum(900.0)
                                                                .minimum(100.0)
                                                                .maximum(700.0)
                                                                .build())
                                                .build()));

        LoggedRequest request = wireMock.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
        assertThat(request.getHeader("Content-Type"))
                .startsWith("application/x-www-form-urlencoded");
        // Small payloads go uncompressed; the SDK gzips PutMetricData only above 10 KB.
        assertThat(request.containsHeader("Content-Encoding")).isFalse();
        assertThat(form(request))
                .containsEntry("Action", "PutMetricData")
                .containsEntry("Version", "2010-08-01")
                .containsEntry("Namespace", "Fanout")
                .containsEntry("MetricData.member.1.MetricName", "DeliveryLag")
                .containsEntry("MetricData.member.1.Unit", "Milliseconds")
                .containsEntry("MetricData.member.1.Timestamp", "2026-11-25T10:00:12Z")
                .containsEntry("MetricData.member.1.Dimensions.member.3.Name", "Target")
                .containsEntry("MetricData.member.1.Dimensions.member.3.Value", "ab12")
                .containsEntry("MetricData.member.1.StatisticValues.SampleCount", "3.0")
                .containsEntry("MetricData.member.1.StatisticValues.Sum", "900.0")
                .containsEntry("MetricData.member.1.StatisticValues.Minimum", "100.0")
                .containsEntry("MetricData.member.1.StatisticValues.Maximum", "700.0");
    }

    @Test
    void aLargePutMetricDataIsGzipped() {
        wireMock.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                "<PutMetricDataResponse xmlns=\""
                                                        + XMLNS
                                                        + "\"><ResponseMetadata>"
                                                        + "<RequestId>x</RequestId></ResponseMetadata></PutMetricDataResponse>")));
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String target = String.format("s%03d", i);
            data.add(
                    MetricDatum.builder()
                            .metricName("Delivered")
                            .unit(StandardUnit.COUNT)
                            .dimensions(d -> d.name("Target").value(target))
                            .value(1.0)
                            .build());
        }
        cloudWatch.putMetricData(b -> b.namespace("Fanout").metricData(data));
        LoggedRequest request = wireMock.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
        assertThat(request.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(form(request))
                .containsEntry("Action", "PutMetricData")
                .containsEntry("MetricData.member.300.Dimensions.member.1.Value", "s299");
    }
}
