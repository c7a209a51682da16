package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.GlobalOptions;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import fanout.testing.FakeDynamo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionFactsTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:30Z");
    static final Duration WINDOW = Duration.ofMinutes(5);

    final Clock clock = StatusFakes.clockAt(NOW);
    final FakeDynamo dynamo =
            new FakeDynamo()
                    .table("fanoutTargets", TargetsTable.SOURCE_ARN, TargetsTable.ID)
                    .table("fanoutState", StateTable.PK, StateTable.SK)
                    .pageSize(1);
    final FakeLambda lambda = new FakeLambda();
    final FakeSts sts = new FakeSts();
    final InMemoryCloudWatch cloudWatch = new InMemoryCloudWatch(clock);
    StatusService service;

    @BeforeEach
    void hookedFunctionWithOneStudent() {
        lambda.hooks.add(SOURCE);
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "ab12", "ab12Stream").withActive(true)));
        service =
                new StatusService(
                        StatusFakes.session(
                                new Clients(dynamo, lambda, sts, cloudWatch),
                                clock,
                                GlobalOptions.defaults()));
    }

    @Test
    void refreshesReadTheAccountFunctionAndHooksOnlyOnce() {
        StatusSnapshot first = service.snapshot(Optional.empty(), WINDOW);
        StatusSnapshot third = null;
        for (int i = 0; i < 2; i++) {
            third = service.snapshot(Optional.empty(), WINDOW);
        }

        assertThat(sts.calls).as("GetCallerIdentity").isEqualTo(1);
        assertThat(lambda.configurationReads).as("GetFunctionConfiguration").isEqualTo(1);
        // One read of the hooks: ListEventSourceMappings for the function and for its alias live.
        assertThat(lambda.hookReads).as("ListEventSourceMappings").isEqualTo(2);
        assertThat(third.account()).isEqualTo(first.account()).isEqualTo(StatusFakes.ACCOUNT);
        assertThat(third.source()).isEqualTo(SOURCE);
        assertThat(third.destinations()).hasSize(1);
    }

    @Test
    void refreshingTheFactsReadsThemAgainAtTheNextSnapshot() {
        service.snapshot(Optional.empty(), WINDOW);

        service.refreshFacts();
        service.snapshot(Optional.empty(), WINDOW);

        assertThat(sts.calls).isEqualTo(2);
        assertThat(lambda.configurationReads).isEqualTo(2);
        assertThat(lambda.hookReads).isEqualTo(4);
    }

    @Test
    void aFunctionThatIsNotThereYetIsLookedForAgainAtEveryRefresh() {
        lambda.exists = false;
        service.snapshot(Optional.empty(), WINDOW);
        lambda.exists = true;

        StatusSnapshot deployed = service.snapshot(Optional.empty(), WINDOW);

        assertThat(deployed.missing()).doesNotContain("function fanout");
        assertThat(deployed.source()).isEqualTo(SOURCE);
    }
}
