package fanout.loopback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * CloudWatch PutMetricData, AWS Query protocol (form fields, gzipped when large). Keeps the sum of
 * every metric per target (and per source, target empty), so a run can tell which records the
 * handler counted as Failed or Rejected.
 */
final class CloudWatchWire {
    static final int MAX_DATUMS = 1000;
    private static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    private final SinkFaults faults;
    private final Map<String, DoubleAdder> sums = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong datums = new AtomicLong();

    CloudWatchWire(SinkFaults faults) {
        this.faults = faults;
    }

    WireResponse putMetricData(Map<String, String> form) {
        calls.incrementAndGet();
        if (faults.cloudWatchFailing()) {
            return WireResponse.queryError(
                    500, "InternalFailure", "The request processing has failed");
        }
        if (form.getOrDefault("Namespace", "").isEmpty()) {
            return WireResponse.queryError(400, "MissingParameter", "Namespace is required");
        }
        int count = 0;
        for (int n = 1; form.containsKey("MetricData.member." + n + ".MetricName"); n++) {
            count++;
        }
        if (count > MAX_DATUMS) {
            return WireResponse.queryError(
                    400, "InvalidParameterValue", "at most 1000 datums, got " + count);
        }
        for (int n = 1; n <= count; n++) {
            String prefix = "MetricData.member." + n + ".";
            String value = form.get(prefix + "Value");
            if (value == null) {
                continue; // a statistic set (DeliveryLag): not a count
            }
            String target = "";
            for (int d = 1; form.containsKey(prefix + "Dimensions.member." + d + ".Name"); d++) {
                if (form.get(prefix + "Dimensions.member." + d + ".Name").equals("Target")) {
                    target = form.get(prefix + "Dimensions.member." + d + ".Value");
                }
            }
            sums.computeIfAbsent(
                            form.get(prefix + "MetricName") + "|" + target, k -> new DoubleAdder())
                    .add(Double.parseDouble(value));
        }
        datums.addAndGet(count);
        return WireResponse.of(
                        200,
                        WireResponse.XML,
                        "<PutMetricDataResponse xmlns=\""
                                + XMLNS
                                + "\"><ResponseMetadata><RequestId>loopback</RequestId>"
                                + "</ResponseMetadata></PutMetricDataResponse>")
                .delayed(faults.cloudWatchDelay());
    }

    /** The sum of a count metric for a target ("" for the per-source metrics). */
    long sum(String metric, String target) {
        DoubleAdder sum = sums.get(metric + "|" + target);
        return sum == null ? 0 : Math.round(sum.sum());
    }

    long calls() {
        return calls.get();
    }

    long datums() {
        return datums.get();
    }
}
