package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Answers one GetMetricData request from {@link InMemoryCloudWatch}'s buckets: MetricStat queries
 * only, AWS's validation of ids, periods and times, timestamps in ScanBy order (newest first by
 * default), and paging by MaxDatapoints with a NextToken.
 */
final class MetricDataReader {
    /** AWS's default (and maximum) MaxDatapoints per page. */
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;

    private static final Pattern QUERY_ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");

    /** Periods below a minute CloudWatch accepts (high resolution, for data under 3 hours old). */
    private static final Set<Integer> HIGH_RESOLUTION_PERIODS = Set.of(1, 5, 10, 20, 30);

    private final Function<MetricKey, MetricStore.Copy> store;
    private final int maxQueries;
    private final Instant now;

    MetricDataReader(Function<MetricKey, MetricStore.Copy> store, int maxQueries, Instant now) {
        this.store = store;
        this.maxQueries = maxQueries;
        this.now = now;
    }

    /**
     * CloudWatch's rule for how old data may be read at a period: high-resolution periods only for
     * data under 3 hours old, then multiples of 60 s (1-minute data is kept 15 days), of 300 s from
     * 15 days, of 3600 s from 63 days. A period that does not fit returns no data points.
     */
    static boolean periodFitsAge(int period, Duration age) {
        if (age.compareTo(Duration.ofHours(3)) <= 0) {
            return HIGH_RESOLUTION_PERIODS.contains(period) || period % 60 == 0;
        }
        if (age.compareTo(Duration.ofDays(15)) <= 0) {
            return period % 60 == 0;
        }
        if (age.compareTo(Duration.ofDays(63)) <= 0) {
            return period % 300 == 0;
        }
        return age.compareTo(Duration.ofDays(455)) <= 0 && period % 3600 == 0;
    }

    GetMetricDataResponse read(GetMetricDataRequest request) {
        validate(request);
        boolean ascending = request.scanBy() == ScanBy.TIMESTAMP_ASCENDING;
        List<Series> all = new ArrayList<>();
        for (MetricDataQuery query : request.metricDataQueries()) {
            Series series = series(query, request.startTime(), request.endTime(), ascending);
            if (query.returnData() == null || query.returnData()) {
                all.add(series);
            }
        }
        int offset = parseToken(request.nextToken());
        int pageSize =
                request.maxDatapoints() == null ? DEFAULT_MAX_DATAPOINTS : request.maxDatapoints();
        return page(all, offset, pageSize);
    }

    private void validate(GetMetricDataRequest request) {
        List<MetricDataQuery> queries = request.metricDataQueries();
        if (queries.isEmpty()) {
            throw validation("The parameter MetricDataQueries is required.");
        }
        if (queries.size() > maxQueries) {
            throw validation(
                    "1 validation error detected: Value at 'metricDataQueries' failed to satisfy"
                            + " constraint: Member must have length less than or equal to "
                            + maxQueries);
        }
        if (request.startTime() == null || request.endTime() == null) {
            throw validation("The parameters StartTime and EndTime are required.");
        }
        if (!request.startTime().isBefore(request.endTime())) {
            throw validation("The parameter StartTime must be less than the parameter EndTime.");
        }
        Set<String> ids = new HashSet<>();
        for (MetricDataQuery query : queries) {
            if (query.id() == null || !QUERY_ID.matcher(query.id()).matches()) {
                throw validation(
                        "The value "
                                + query.id()
                                + " for parameter MetricDataQueries.member.Id"
                                + " is invalid: it must match ^[a-z][a-zA-Z0-9_]*$.");
            }
            if (!ids.add(query.id())) {
                throw validation("The value " + query.id() + " is used more than once as Id.");
            }
            MetricStat stat = query.metricStat();
            if (stat == null) {
                throw validation("InMemoryCloudWatch supports MetricStat queries only.");
            }
            Integer period = stat.period();
            if (period == null
                    || period < 1
                    || (period < 60 && !HIGH_RESOLUTION_PERIODS.contains(period))
                    || (period >= 60 && period % 60 != 0)) {
                throw validation(
                        "The parameter Period must be 1, 5, 10, 20, 30, 60, or a multiple of 60.");
            }
        }
    }

    private Series series(MetricDataQuery query, Instant start, Instant end, boolean ascending) {
        MetricStat stat = query.metricStat();
        MetricKey key =
                MetricKey.of(
                        stat.metric().namespace(),
                        stat.metric().metricName(),
                        stat.metric().dimensions());
        String label = query.label() != null ? query.label() : stat.metric().metricName();
        if (!periodFitsAge(stat.period(), Duration.between(start, now))) {
            return new Series(query.id(), label, List.of(), List.of());
        }
        TreeMap<Long, Bucket> periods =
                stat.period() < 60
                        ? subMinute(store.apply(key), stat.period(), start, end)
                        : minutes(store.apply(key), stat.period(), start, end);
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Long, Bucket> entry :
                (ascending ? periods : periods.descendingMap()).entrySet()) {
            timestamps.add(Instant.ofEpochSecond(entry.getKey()));
            values.add(entry.getValue().statistic(stat.stat()));
        }
        return new Series(query.id(), label, timestamps, values);
    }

    /**
     * Periods of a minute or more: standard data per minute plus high-resolution data rolled up
     * into its minute. Keys are the periods' first epoch seconds.
     */
    private static TreeMap<Long, Bucket> minutes(
            MetricStore.Copy data, int period, Instant start, Instant end) {
        TreeMap<Long, Bucket> perMinute = data.perMinute();
        long periodMinutes = period / 60;
        long first = Math.floorDiv(start.getEpochSecond() + 59, 60);
        long last = Math.floorDiv(end.getEpochSecond() - 1, 60);
        TreeMap<Long, Bucket> periods = new TreeMap<>();
        for (Map.Entry<Long, Bucket> entry : perMinute.entrySet()) {
            long minute = entry.getKey();
            if (minute < first || minute > last) {
                continue;
            }
            long periodStart = first + (minute - first) / periodMinutes * periodMinutes;
            periods.merge(periodStart * 60, entry.getValue(), Bucket::plus);
        }
        return periods;
    }

    /**
     * Periods under a minute read high-resolution data only: a standard-resolution metric has no
     * sub-minute detail, so (strictly, as the API reference allows such periods for high-resolution
     * metrics only) it returns no data points, and a reader that forgets to publish high-resolution
     * data sees nothing rather than minutes passed off as seconds.
     */
    private static TreeMap<Long, Bucket> subMinute(
            MetricStore.Copy data, int period, Instant start, Instant end) {
        long first = start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0);
        long last = end.getEpochSecond() - (end.getNano() > 0 ? 0 : 1);
        TreeMap<Long, Bucket> periods = new TreeMap<>();
        for (Map.Entry<Long, Bucket> entry : data.seconds().entrySet()) {
            long second = entry.getKey();
            if (second < first || second > last) {
                continue;
            }
            long periodStart = first + (second - first) / period * period;
            periods.merge(periodStart, entry.getValue(), Bucket::plus);
        }
        return periods;
    }

    private static GetMetricDataResponse page(List<Series> all, int offset, int pageSize) {
        List<MetricDataResult> results = new ArrayList<>();
        int position = 0;
        int end = offset + pageSize;
        boolean more = false;
        for (Series series : all) {
            int from = Math.max(0, Math.min(series.size(), offset - position));
            int to = Math.max(0, Math.min(series.size(), end - position));
            boolean partial = position + series.size() > end;
            more |= partial;
            if (offset == 0 || to > from) {
                results.add(series.slice(from, to, partial));
            }
            position += series.size();
        }
        return GetMetricDataResponse.builder()
                .metricDataResults(results)
                .nextToken(more ? Integer.toString(end) : null)
                .build();
    }

    private static int parseToken(String token) {
        if (token == null) {
            return 0;
        }
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw validation("The parameter NextToken is not valid.");
        }
    }

    private static CloudWatchException validation(String message) {
        return AwsFaults.CLOUDWATCH.fault(
                CloudWatchException.builder(), "ValidationError", 400, message);
    }

    /** One query's datapoints, in response order. */
    private record Series(String id, String label, List<Instant> timestamps, List<Double> values) {
        int size() {
            return timestamps.size();
        }

        MetricDataResult slice(int from, int to, boolean partial) {
            return MetricDataResult.builder()
                    .id(id)
                    .label(label)
                    .timestamps(timestamps.subList(from, to))
                    .values(values.subList(from, to))
                    .statusCode(partial ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE)
                    .build();
        }
    }
}
