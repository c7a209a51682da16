package fanout.console.aws.memory;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * The size of a PutMetricData request as the SDK sends it (AWS Query protocol, form-encoded): each
 * member is {@code MetricData.member.N.Field=value&}, so the key names count as much as the values.
 * Close enough to hold requests against CloudWatch's 1 MB limit.
 */
final class PutSize {
    private PutSize() {}

    static long estimate(PutMetricDataRequest request) {
        long size =
                "Action=PutMetricData&Version=2010-08-01&Namespace=".length()
                        + bytes(request.namespace());
        int n = 0;
        for (MetricDatum datum : request.metricData()) {
            String prefix = "&MetricData.member." + (++n) + ".";
            size += field(prefix, "MetricName", datum.metricName());
            int d = 0;
            for (Dimension dimension : datum.dimensions()) {
                String member = prefix + "Dimensions.member." + (++d) + ".";
                size +=
                        field(member, "Name", dimension.name())
                                + field(member, "Value", dimension.value());
            }
            size +=
                    field(
                            prefix,
                            "Timestamp",
                            datum.timestamp() == null ? null : "2026-11-25T09%3A00%3A00Z");
            size +=
                    field(
                            prefix,
                            "Value",
                            datum.value() == null ? null : String.valueOf(datum.value()));
            size += field(prefix, "Unit", datum.unitAsString());
            size +=
                    field(
                            prefix,
                            "StorageResolution",
                            datum.storageResolution() == null ? null : "60");
            if (datum.statisticValues() != null) {
                size += 4 * (prefix.length() + "StatisticValues.SampleCount=".length() + 24);
            }
            for (int i = 0; i < datum.values().size(); i++) {
                size += prefix.length() + "Values.member.=".length() + 6 + 24;
            }
            for (int i = 0; i < datum.counts().size(); i++) {
                size += prefix.length() + "Counts.member.=".length() + 6 + 24;
            }
        }
        return size;
    }

    private static long field(String prefix, String name, String value) {
        return value == null ? 0 : prefix.length() + name.length() + 1 + bytes(value);
    }

    private static long bytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
