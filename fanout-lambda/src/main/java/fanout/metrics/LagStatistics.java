package fanout.metrics;

/**
 * DeliveryLag samples of one target over one invocation, as CloudWatch's statistic set takes them.
 */
public record LagStatistics(long sampleCount, double sum, double minimum, double maximum) {
    public LagStatistics {
        if (sampleCount <= 0) {
            throw new IllegalArgumentException("sampleCount must be > 0, was " + sampleCount);
        }
        if (minimum > maximum) {
            throw new IllegalArgumentException(
                    "minimum " + minimum + " must not exceed maximum " + maximum);
        }
    }

    public static LagStatistics of(double millis) {
        return new LagStatistics(1, millis, millis, millis);
    }

    public LagStatistics plus(double millis) {
        return new LagStatistics(
                sampleCount + 1,
                sum + millis,
                Math.min(minimum, millis),
                Math.max(maximum, millis));
    }

    public double average() {
        return sum / sampleCount;
    }
}
