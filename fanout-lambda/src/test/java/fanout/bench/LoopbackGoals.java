package fanout.bench;

import fanout.loopback.EsmDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The goals of issue 11 the loopback runs of {@link SdkBenchmark} answer. */
final class LoopbackGoals {
    private LoopbackGoals() {}

    /** The goals the runs made answer; a goal whose run was left out is not written. */
    static List<Goal> goals(Map<String, SdkBenchmark.Run> runs) {
        return goals(runs, null);
    }

    /**
     * @param colds the fresh environments as deployed, or null when they were not run (the
     *     as-deployed row's own first batch answers then)
     */
    static List<Goal> goals(Map<String, SdkBenchmark.Run> runs, ColdStarts colds) {
        List<Goal> goals = new ArrayList<>();
        Double coldMedian = colds == null ? null : colds.primedMedian();
        SdkBenchmark.Run k100 = runs.get(SdkBenchmark.K100);
        SdkBenchmark.Run k1000 = runs.get(SdkBenchmark.K1000);
        SdkBenchmark.Run model = runs.get(SdkBenchmark.MODEL);
        if (k100 != null) {
            double wall = k100.median(EsmDriver.InvocationRecord::wallMs);
            goals.add(
                    new Goal(
                            "cpu-per-batch-n300-k100",
                            k100.median(EsmDriver.InvocationRecord::cpuMs),
                            100,
                            "ms",
                            true));
            goals.add(
                    new Goal(
                            "wall-over-network-floor-k100",
                            wall / SdkBenchmark.floorMillis(),
                            1.5,
                            "x",
                            true));
            goals.add(
                    new Goal(
                            "first-batch-after-cold-start-n300",
                            k100.report().firstBatchMs(),
                            3000,
                            "ms",
                            true));
            goals.add(
                    new Goal(
                            "new-connections-per-warm-batch-k100",
                            k100.median(EsmDriver.InvocationRecord::newConnections),
                            0,
                            "connections",
                            true));
            // Per invocation: the calls made over the fewest that could carry its datums.
            double calls =
                    k100.report().invocations().stream()
                            .mapToLong(EsmDriver.InvocationRecord::metricCalls)
                            .sum();
            double fewest =
                    k100.report().invocations().stream()
                            .mapToDouble(i -> Math.ceil(i.metricDatums() / 1000.0))
                            .sum();
            goals.add(
                    new Goal(
                            "put-metric-data-calls-per-1000-datums",
                            fewest == 0 ? Double.NaN : calls / fewest,
                            1,
                            "calls",
                            true));
            if (model != null) {
                goals.add(
                        new Goal(
                                "speedup-over-original-model-k100",
                                model.median(EsmDriver.InvocationRecord::wallMs) / wall,
                                14,
                                "x",
                                false));
            }
        }
        SdkBenchmark.Run c2 = runs.get(SdkBenchmark.C2);
        if (c2 != null) {
            goals.add(cpu("cpu-per-batch-n300-k100-c2", c2));
            // The function as `fanout deploy` configures it (C2, metrics every 5 s).
            double deployedWall = c2.median(EsmDriver.InvocationRecord::wallMs);
            goals.add(
                    new Goal(
                            "wall-over-network-floor-k100-as-deployed",
                            deployedWall / SdkBenchmark.floorMillis(),
                            1.5,
                            "x",
                            true));
            if (coldMedian == null) {
                goals.add(coldAsDeployed(c2.report().firstBatchMs()));
            }
            if (model != null) {
                goals.add(
                        new Goal(
                                "speedup-over-original-model-k100-as-deployed",
                                model.median(EsmDriver.InvocationRecord::wallMs) / deployedWall,
                                14,
                                "x",
                                false));
            }
        }
        if (colds != null) {
            goals.add(coldAsDeployed(coldMedian));
            // The SnapStart model beside it: what a restored environment would leave of the goal.
            goals.add(
                    new Goal(
                            "first-invocation-after-snapstart-init-n300-model",
                            colds.restoredMedian(),
                            3000,
                            "ms",
                            true));
        }
        SdkBenchmark.Run c2Sdk = runs.get(SdkBenchmark.C2_SDK);
        if (c2Sdk != null) {
            goals.add(cpu("cpu-per-batch-n300-k100-c2-sdk-path-reference", c2Sdk));
        }
        if (k1000 != null) {
            goals.add(
                    new Goal(
                            "cpu-per-batch-n300-k1000",
                            k1000.median(EsmDriver.InvocationRecord::cpuMs),
                            1000,
                            "ms",
                            true));
            goals.add(
                    new Goal(
                            "threads-n300-k1000",
                            k1000.max(EsmDriver.InvocationRecord::peakThreads),
                            150,
                            "threads",
                            true));
            goals.add(
                    new Goal(
                            "heap-n300-k1000",
                            k1000.max(EsmDriver.InvocationRecord::heapMb),
                            256,
                            "MB",
                            true));
        }
        return goals;
    }

    private static Goal coldAsDeployed(double firstBatchMs) {
        return new Goal(
                "first-batch-after-cold-start-n300-as-deployed", firstBatchMs, 3000, "ms", true);
    }

    private static Goal cpu(String id, SdkBenchmark.Run run) {
        return new Goal(id, run.median(EsmDriver.InvocationRecord::cpuMs), 100, "ms", true);
    }
}
