package fanout.faults;

import fanout.loopback.EsmDriver;
import fanout.loopback.LoopbackClass;
import fanout.loopback.LoopbackStreams;
import fanout.loopback.Traffic;
import fanout.metrics.MetricNames;
import fanout.state.ShardPosition;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns what the sink recorded and what the driver saw into a fault's figures. */
final class FaultMeasure {
    private FaultMeasure() {}

    /** The lowest sequence number a destination's cursors still owe from, null when live. */
    private static BigInteger lowest(List<ShardPosition> cursors) {
        if (cursors == null || cursors.isEmpty()) {
            return null;
        }
        BigInteger from = null;
        for (ShardPosition position : cursors) {
            if (position.sequenceNumber() == null) {
                return BigInteger.ZERO; // TRIM_HORIZON or a time: everything still in the source
            }
            BigInteger at = new BigInteger(position.sequenceNumber());
            from = from == null || at.compareTo(from) < 0 ? at : from;
        }
        return from;
    }

    /** Records not yet delivered at or after the destination's cursor on the source. */
    private static long owed(
            Set<String> expected,
            Set<String> seen,
            Map<String, BigInteger> sequence,
            List<ShardPosition> cursors) {
        BigInteger from = lowest(cursors);
        if (from == null) {
            return 0;
        }
        long owed = 0;
        for (String identity : expected) {
            BigInteger at = sequence.get(identity);
            if (!seen.contains(identity) && at != null && at.compareTo(from) >= 0) {
                owed++;
            }
        }
        return owed;
    }

    static FaultResult measure(
            FaultScenario scenario,
            LoopbackClass lesson,
            List<Traffic.Planned> plan,
            EsmDriver.Report report) {
        // Only what the mapping moved past can be lost; records it never reached (the run's
        // deadline came first) are still in the source, and the held shard says so.
        Set<String> expected = new HashSet<>();
        plan.subList(0, Math.min(plan.size(), report.processed()))
                .forEach(p -> expected.add(p.identity()));
        // Latency counts warm batches only: the first one carries the cold start.
        long firstOffset = plan.isEmpty() ? 0 : plan.get(0).offsetMillis();
        Set<String> warming = new HashSet<>();
        plan.stream()
                .filter(p -> p.offsetMillis() == firstOffset)
                .forEach(p -> warming.add(p.identity()));
        Map<String, Long> arrival = new HashMap<>();
        Map<String, BigInteger> sequence = new HashMap<>();
        for (LoopbackStreams.Stored s :
                lesson.sink()
                        .streams()
                        .records(LoopbackClass.SOURCE_ACCOUNT, LoopbackClass.SOURCE_NAME)) {
            arrival.putIfAbsent(LoopbackStreams.identityOf(s.data()), s.arrivalNanos());
            sequence.putIfAbsent(
                    LoopbackStreams.identityOf(s.data()), new BigInteger(s.sequenceNumber()));
        }
        // A destination still behind owes what follows its cursor: still in the source, it reaches
        // the student when they recover (catch-up), so it is neither delivered nor lost.
        Map<String, List<ShardPosition>> behind = lesson.behind();
        long owedTotal = 0;
        long delivered = 0;
        long lost = 0;
        long countedTotal = 0;
        long duplicates = 0;
        long end = System.nanoTime();
        double latencySum = 0;
        long latencyCount = 0;
        for (String student : lesson.students()) {
            List<LoopbackStreams.Delivery> deliveries =
                    lesson.sink()
                            .streams()
                            .deliveries(
                                    LoopbackClass.account(student), LoopbackClass.STUDENT_STREAM);
            Set<String> seen = new HashSet<>();
            boolean healthy = !scenario.victims().contains(student);
            for (LoopbackStreams.Delivery d : deliveries) {
                if (!seen.add(d.identity())) {
                    if (healthy) {
                        duplicates++;
                    }
                    continue;
                }
                Long arrived = arrival.get(d.identity());
                if (healthy && arrived != null && !warming.contains(d.identity())) {
                    latencySum += (d.receivedNanos() - arrived) / 1e6;
                    latencyCount++;
                }
            }
            long counted =
                    lesson.sink().metricSum(MetricNames.FAILED, student)
                            + lesson.sink().metricSum(MetricNames.REJECTED, student);
            if (healthy) {
                // A record in the source a healthy student never got waited until the run ended:
                // a held shard shows as latency, not as nothing to average. A record counted
                // Failed/Rejected for this student never arrives (too large, not JSON): it has no
                // latency, so up to `counted` of those the mapping moved past and the student does
                // not owe are left out (the rest, if any, are lost and reported as such).
                long excused = counted;
                BigInteger from = lowest(behind.get(student));
                List<Map.Entry<String, Long>> unseen =
                        arrival.entrySet().stream()
                                .filter(a -> !seen.contains(a.getKey()))
                                .filter(a -> !warming.contains(a.getKey()))
                                .sorted(Map.Entry.comparingByValue())
                                .toList();
                for (Map.Entry<String, Long> a : unseen) {
                    BigInteger at = sequence.get(a.getKey());
                    boolean owes = from != null && at != null && at.compareTo(from) >= 0;
                    if (excused > 0 && expected.contains(a.getKey()) && !owes) {
                        excused--;
                        continue;
                    }
                    latencySum += (end - a.getValue()) / 1e6;
                    latencyCount++;
                }
            }
            seen.retainAll(expected);
            delivered += seen.size();
            long owed = owed(expected, seen, sequence, behind.get(student));
            owedTotal += owed;
            lost += Math.max(0, expected.size() - seen.size() - counted - owed);
            countedTotal += counted;
        }
        long timeouts =
                report.invocations().stream().filter(i -> i.outcome().equals("timed out")).count();
        String notes =
                "first batch held "
                        + (report.heldMillis().isEmpty() ? 0 : report.heldMillis().get(0))
                        + " ms (cold start), "
                        + report.invocations().size()
                        + " invocations, "
                        + timeouts
                        + " timed out, "
                        + report.environments()
                        + " environments, "
                        + report.skippedBatches()
                        + " batches skipped, "
                        + owedTotal
                        + " owed by destinations still behind"
                        + (report.deadlineHit()
                                ? ", run deadline hit at record " + report.processed()
                                : "");
        return new FaultResult(
                scenario.name(),
                (long) expected.size() * lesson.students().size(),
                delivered,
                countedTotal,
                lost,
                duplicates,
                Double.NaN,
                report.maxHeldMillisWarm(),
                report.peakThreads(),
                latencyCount == 0 ? Double.NaN : latencySum / latencyCount,
                notes);
    }
}
