package fanout.faults;

import fanout.loopback.LoopbackClass;
import fanout.loopback.SinkFaults.StreamFault;
import fanout.loopback.Traffic;
import java.time.Duration;
import java.util.List;

/** The faults of issue 10, one student broken where the fault is a student's. */
final class FaultScenarios {
    static final String NO_FAULT = "no-fault";

    /** The broken student in single-student faults. */
    static final String VICTIM = "s007";

    /** Where odd records go: the middle of the second batch. */
    static final int ODD_RECORD = 150;

    private FaultScenarios() {}

    static List<FaultScenario> all() {
        String account = LoopbackClass.account(VICTIM);
        return List.of(
                FaultScenario.of(NO_FAULT, (c, done) -> {}),
                FaultScenario.of(
                                "throttled-5pct",
                                (c, done) ->
                                        c.sink().faults().stream(
                                                account, new StreamFault.Throttled(0.05)))
                        .victim(VICTIM),
                FaultScenario.of(
                                "throttled-100pct",
                                (c, done) ->
                                        c.sink().faults().stream(
                                                account, new StreamFault.Throttled(1.0)))
                        .victim(VICTIM),
                FaultScenario.of(
                                "denied",
                                (c, done) ->
                                        c.sink().faults().stream(account, new StreamFault.Denied()))
                        .victim(VICTIM),
                FaultScenario.of(
                                "stream-deleted-mid-class",
                                (c, done) -> {
                                    if (done == 1) {
                                        c.sink()
                                                .streams()
                                                .delete(account, LoopbackClass.STUDENT_STREAM);
                                    }
                                })
                        .victim(VICTIM),
                FaultScenario.of(
                                "timing-out",
                                (c, done) ->
                                        c.sink().faults().stream(
                                                account,
                                                new StreamFault.Hangs(Duration.ofSeconds(30))))
                        .victim(VICTIM),
                FaultScenario.of("record-too-large", (c, done) -> {})
                        .plan(p -> Traffic.withOdd(p, ODD_RECORD, Traffic.Odd.TOO_LARGE)),
                FaultScenario.of("non-json-hello-retail", (c, done) -> {})
                        .plan(p -> Traffic.withOdd(p, ODD_RECORD, Traffic.Odd.NOT_JSON)),
                FaultScenario.of("corrupt-kpl-aggregate", (c, done) -> {})
                        .plan(p -> Traffic.withOdd(p, ODD_RECORD, Traffic.Odd.CORRUPT_AGGREGATE)),
                FaultScenario.of(
                        "sts-throttled", (c, done) -> c.sink().faults().stsCallsPerSecond(50)),
                FaultScenario.of(
                        "mapping-table-failing",
                        (c, done) -> {
                            if (done == 1) {
                                c.sink().faults().failTable(c.targetsTable());
                            }
                        }),
                FaultScenario.of(
                        "state-table-failing",
                        (c, done) -> c.sink().faults().failTable(c.stateTable())),
                FaultScenario.of(
                        "cloudwatch-failing",
                        (c, done) -> c.sink().faults().cloudWatchFailing(true)),
                FaultScenario.of(
                        "cloudwatch-hanging",
                        (c, done) -> c.sink().faults().cloudWatchDelay(Duration.ofSeconds(30))),
                FaultScenario.of("nearly-out-of-time", (c, done) -> {}).timeout(3_000),
                FaultScenario.of(
                        "frozen-past-credential-expiry",
                        (c, done) -> {
                            if (done == 2) {
                                // The container slept through its credentials' hour: AWS's clock
                                // and the thawed environment's both move on 70 minutes, so every
                                // cached session is found expired and assumed again.
                                c.sink().advanceClock(Duration.ofMinutes(70));
                            }
                        }));
    }
}
