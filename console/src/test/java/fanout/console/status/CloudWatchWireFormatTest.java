package fanout.console.status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fanout.console.aws.AwsErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * Pins CloudWatch's wire format in SDK 2.40.2: the AWS Query protocol (form-encoded {@code
 * Action=...&Version=2010-08-01} requests, XML responses), as the SDK's generated client uses
 * {@code AwsQueryProtocolFactory}. SDK 2.41 moves CloudWatch to a CBOR protocol; this test is what
 * breaks when someone bumps the BOM.
 */
class CloudWatchWireFormatTest {
    static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    static final Instant START = Instant.parse("2026-11-25T09:56:00Z");
    static final Instant END = Instant.parse("2026-11-25T10:01:00Z");

    WireMockServer wireMock;
    CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        wireMock =
                new WireMockServer(
                        WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        cloudWatch =
                CloudWatchClient.builder()
                        .endpointOverride(URI.create("http://127.0.0.1:" + wireMock.port()))
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("AKIDTEST", "secret")))
                        .httpClient(ApacheHttpClient.builder().build())
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .build();
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        wireMock.stop();
    }

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
                .containsEntry("MetricDataQueries.member.1.MetricStat.Period", "60")
                .containsEntry("MetricDataQueries.member.1.MetricStat.Stat", "Sum")
                .containsEntry("MetricDataQueries.member.1.ReturnData", "true")
                .containsEntry(
                        "MetricDataQueries.member.6.MetricStat.Metric.MetricName", "DeliveryLag")
                .containsEntry("MetricDataQueries.member.6.MetricStat.Stat", "Maximum")
                .containsEntry(
                        "MetricDataQueries.member.9.MetricStat.Metric.Namespace", "AWS/Lambda")
                .containsEntry(
                        "MetricDataQueries.member.9.MetricStat.Metric.MetricName", "IteratorAge")
                .containsEntry("MetricDataQueries.member.10.MetricStat.Metric.MetricName", "Errors")
                .doesNotContainKey("NextToken")
                .doesNotContainKey("MetricDataQueries.member.11.Id");
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

    /** The request's form fields, gunzipped first when the SDK compressed the body. */
    static Map<String, String> form(LoggedRequest request) {
        byte[] body = request.getBody();
        if (body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }
}
