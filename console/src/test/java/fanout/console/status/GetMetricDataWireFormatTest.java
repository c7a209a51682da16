package fanout.console.status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fanout.console.aws.AwsErrors;
import fanout.testing.CloudWatchWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * GetMetricData on the wire: a paged form-encoded query folded into totals, and a throttling error
 * (see {@link CloudWatchWire})
 */
class GetMetricDataWireFormatTest extends CloudWatchWire {
    static String result(
            String id, String label, List<String> timestamps, List<String> values, String status) {
        StringBuilder xml =
                new StringBuilder(
                        "<member><Id>" + id + "</Id><Label>" + label + "</Label><Timestamps>");
        timestamps.forEach(t -> xml.append("<member>").append(t).append("</member>"));
        xml.append("</Timestamps><Values>");
        values.forEach(v -> xml.append("<member>").append(v).append("</member>"));
        return xml.append("</Values><StatusCode>")
                .append(status)
                .append("</StatusCode></member>")
                .toString();
    }

    static String getMetricDataResponse(String nextToken, String... results) {
        return "<GetMetricDataResponse xmlns=\""
                + XMLNS
                + "\"><GetMetricDataResult>"
                + "<MetricDataResults>"
                + String.join("", results)
                + "</MetricDataResults>"
                + "<Messages/>"
                + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
                + "</GetMetricDataResult><ResponseMetadata><RequestId>"
                + "3f1c2b9a-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
                + "</GetMetricDataResponse>";
    }

    void stubGetMetricData() {
        wireMock.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(5)
                        .withRequestBody(containing("Action=GetMetricData"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                getMetricDataResponse(
                                                        "page2",
                                                        result(
                                                                "m0",
                                                                "Delivered",
                                                                List.of(
                                                                        "2026-11-25T09:58:00Z",
                                                                        "2026-11-25T09:59:00Z"),
                                                                List.of("5.0", "7.0"),
                                                                "PartialData"),
                                                        result(
                                                                "m1",
                                                                "Failed",
                                                                List.of(),
                                                                List.of(),
                                                                "Complete"),
                                                        result(
                                                                "m5",
                                                                "DeliveryLag",
                                                                List.of(
                                                                        "2026-11-25T09:58:00Z",
                                                                        "2026-11-25T09:59:00Z"),
                                                                List.of("1500.0", "800.0"),
                                                                "Complete"),
                                                        result(
                                                                "m6",
                                                                "RecordsIn",
                                                                List.of("2026-11-25T09:59:00Z"),
                                                                List.of("20.0"),
                                                                "Complete"),
                                                        result(
                                                                "m8",
                                                                "IteratorAge",
                                                                List.of("2026-11-25T10:00:00Z"),
                                                                List.of("3000.0"),
                                                                "Complete")))));
        wireMock.stubFor(
                post(urlEqualTo("/"))
                        .atPriority(1)
                        .withRequestBody(containing("NextToken=page2"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                getMetricDataResponse(
                                                        null,
                                                        result(
                                                                "m0",
                                                                "Delivered",
                                                                List.of("2026-11-25T10:00:00Z"),
                                                                List.of("3.0"),
                                                                "Complete")))));
    }

    @Test
    void getMetricDataIsAFormEncodedQueryRequestAndItsXmlIsFoldedIntoTotals() {
        stubGetMetricData();
        MetricsReport report =
                new CloudWatchMetricsSource(cloudWatch)
                        .read(
                                new MetricsRequest(
                                        "Fanout",
                                        "fanout",
                                        "coreRetailStream",
                                        List.of("ab-12"),
                                        START,
                                        END));

        assertThat(report.calls()).isEqualTo(2);
        TargetMetrics target = report.target("ab-12");
        assertThat(target.delivered()).isEqualTo(15);
        assertThat(target.failed()).isZero();
        assertThat(target.lagMs()).isEqualTo(1500);
        assertThat(target.lastDeliveryAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(report.recordsIn()).isEqualTo(20);
        assertThat(report.iteratorAgeMs()).isEqualTo(3000);
        assertThat(report.dataAsOf()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));

        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(2);
        LoggedRequest first = requests.get(0);
        assertThat(first.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(first.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-west-2/monitoring/aws4_request");
        assertThat(first.containsHeader("X-Amz-Target")).isFalse();
        Map<String, String> form = form(first);
        assertThat(form)
                .containsEntry("Action", "GetMetricData")
                .containsEntry("Version", "2010-08-01")
                .containsEntry("StartTime", "2026-11-25T09:56:00Z")
                .containsEntry("EndTime", "2026-11-25T10:01:00Z")
                .containsEntry("ScanBy", "TimestampAscending")
                .containsEntry("MetricDataQueries.member.1.Id", "m0")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "Fanout")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.MetricName", "Delivered")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name",
                        "FunctionName")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value",
                        "fanout")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.3.Name",
                        "Target")
                .containsEntry(
                        "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.3.Value",
                        "ab-12")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "10")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "Sum")
                .containsEntry("MetricDataQueries.member.1.ReturnData", "true")
                .containsEntry(
                        "MetricDataQueries.member.6.MetricStat.Metric.MetricName", "DeliveryLag")
                .containsEntry("MetricDataQueries.member.6.MetricStat.Stat", "Maximum")
                .containsEntry(
                        "MetricDataQueries.member.9.MetricStat.Metric.Namespace", "AWS/Lambda")
                .containsEntry("MetricDataQueries.member.9.MetricStat.Period", "60")
                .containsEntry(
                        "MetricDataQueries.member.9.MetricStat.Metric.MetricName", "IteratorAge")
                .containsEntry("MetricDataQueries.member.10.MetricStat.Metric.MetricName", "Errors")
                .containsEntry(
                        "MetricDataQueries.member.11.MetricStat.Metric.MetricName", "Throttles")
                .containsEntry(
                        "MetricDataQueries.member.12.MetricStat.Metric.MetricName", "Duration")
                .containsEntry(
                        "MetricDataQueries.member.13.MetricStat.Metric.MetricName",
                        "ConcurrentExecutions")
                .doesNotContainKey("NextToken")
                .doesNotContainKey("MetricDataQueries.member.14.Id");
        assertThat(form(requests.get(1))).containsEntry("NextToken", "page2");
    }

    @Test
    void aThrottlingErrorResponseBecomesAnExceptionWithTheCodeAndAFix() {
        wireMock.stubFor(
                post(urlEqualTo("/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "text/xml")
                                        .withBody(
                                                "<ErrorResponse xmlns=\""
                                                        + XMLNS
                                                        + "\"><Error><Type>Sender</Type>"
                                                        + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                                                        + "<RequestId>3f1c2b9a-0000-4000-8000-000000000002</RequestId>"
                                                        + "</ErrorResponse>")));
        CloudWatchMetricsSource source = new CloudWatchMetricsSource(cloudWatch);
        assertThatThrownBy(
                        () ->
                                source.read(
                                        new MetricsRequest(
                                                "Fanout",
                                                "fanout",
                                                "coreRetailStream",
                                                List.of("ab12"),
                                                START,
                                                END)))
                .isInstanceOf(AwsServiceException.class)
                .satisfies(
                        e -> {
                            assertThat(AwsErrors.code(e)).isEqualTo("Throttling");
                            assertThat(AwsErrors.hint(e)).contains("throttling");
                        });
    }
}
