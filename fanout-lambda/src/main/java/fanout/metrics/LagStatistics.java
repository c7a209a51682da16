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

    public LagStatistics plus(LagStatistics other) {
        return new LagStatistics(
                sampleCount + other.sampleCount,
                sum + other.sum,
                Math.min(minimum, other.minimum),
                Math.max(maximum, other.maximum));
    }

    public double average() {
        return sum / sampleCount;
    }
}
