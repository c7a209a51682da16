package fanout.console.aws.memory;

import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** One period (a second or a minute) of one metric: a statistic set. */
record Bucket(double sum, double sampleCount, double minimum, double maximum) {
    /** A datum's value, values with counts, or statistic set; refused when it has none. */
    static Bucket of(MetricDatum datum) {
        if (datum.statisticValues() != null) {
            var set = datum.statisticValues();
            return new Bucket(set.sum(), set.sampleCount(), set.minimum(), set.maximum());
        }
        if (datum.hasValues() && !datum.values().isEmpty()) {
            Bucket total = null;
            for (int i = 0; i < datum.values().size(); i++) {
                double count =
                        datum.hasCounts() && i < datum.counts().size() ? datum.counts().get(i) : 1;
                double value = datum.values().get(i);
                Bucket one = new Bucket(value * count, count, value, value);
                total = total == null ? one : total.plus(one);
            }
            return total;
        }
        if (datum.value() == null) {
            throw InMemoryCloudWatch.invalid(
                    "The parameter MetricData.member.N.Value is required.");
        }
        double value = datum.value();
        return new Bucket(value, 1, value, value);
    }

    Bucket plus(Bucket other) {
        return new Bucket(
                sum + other.sum,
                sampleCount + other.sampleCount,
                Math.min(minimum, other.minimum),
                Math.max(maximum, other.maximum));
    }

    double statistic(String name) {
        switch (name) {
            case "Sum":
                return sum;
            case "Maximum":
                return maximum;
            case "Minimum":
                return minimum;
            case "SampleCount":
                return sampleCount;
            case "Average":
                return sampleCount == 0 ? 0 : sum / sampleCount;
            default:
                throw InMemoryCloudWatch.invalid("The statistic " + name + " is not supported.");
        }
    }
}
