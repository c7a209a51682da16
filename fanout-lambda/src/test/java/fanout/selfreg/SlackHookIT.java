package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.control.CheckResult;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.ClassSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A signed {@code /hook-stream}: checked, then written conditionally, answered in time or later.
 */
class SlackHookIT extends SlackHandlerFixture {
    @Test
    void aSignedHookIsCheckedThenWrittenActiveAsSelfRegisteredAndAnsweredWithTheOutcome()
            throws Exception {
        List<Mapping> checked = new ArrayList<>();
        checker =
                (s, m) -> {
                    checked.add(m);
                    return ok(m.id());
                };
        String answer = text(send(hook("U1", ROLE, STREAM)));
        assertThat(answer)
                .startsWith("Registered ab12: " + STREAM + " receives the class's events");
        assertThat(checked)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.role()).isEqualTo(ROLE);
                            assertThat(m.region()).isEqualTo("us-west-2");
                            assertThat(m.destination()).isEqualTo("ab12Stream");
                        });
        Mapping row = MappingCodec.fromItem(row("ab12"));
        assertThat(row.active()).isTrue();
        assertThat(row.origin()).isEqualTo("selfreg");
        assertThat(row.parallel()).isFalse();
        assertThat(row.role()).isEqualTo(ROLE);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row("ab12").get("registeredBy").s()).isEqualTo("T1/U1");
    }

    @Test
    void reRegisteringTheSameStreamIsIdempotent() throws Exception {
        send(hook("U1", ROLE, STREAM));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("ab12 was already registered");
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(2);
    }

    @Test
    void aFailedCheckWritesNothingAndAnswersWithTheTrustPolicyToAdd() throws Exception {
        checker =
                (s, m) ->
                        new CheckResult(
                                m.id(),
                                false,
                                false,
                                null,
                                null,
                                "AccessDenied",
                                "not authorized to perform sts:AssumeRole");
        String answer = text(send(hook("U1", ROLE, STREAM)));
        assertThat(answer)
                .startsWith(
                        "Not registered: ab12 failed the check. The class's fan-out role cannot assume")
                .contains(
                        "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/fanoutRole\"}");
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void aMissingStreamIsRefusedWithWhereItWasLookedFor() throws Exception {
        checker =
                (s, m) ->
                        new CheckResult(m.id(), false, true, false, null, "ResourceNotFound", "x");
        assertThat(text(send(hook("U1", ROLE, STREAM))))
                .contains("Stream ab12Stream does not exist in us-west-2 of account 210987654321");
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void aLockedClassAnswersThatRegistrationIsClosedAndWritesNothing() throws Exception {
        dynamo.putItem(
                r -> r.tableName(state).item(ClassSetting.selfRegistrationLock(true).toItem()));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registration is closed");
        assertThat(row("ab12")).isEmpty();
        dynamo.putItem(
                r -> r.tableName(state).item(ClassSetting.selfRegistrationLock(false).toItem()));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registered ab12");
    }

    @Test
    void aCheckSlowerThanTheBudgetAnswersCheckingAtOnceAndPostsTheOutcomeLater() throws Exception {
        handler.close();
        handler = handler(Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        checker =
                (s, m) -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ok(m.id());
                };
        JsonNode checking = send(hook("U1", ROLE, STREAM));
        assertThat(text(checking)).isEqualTo(SlackHandler.CHECKING);
        assertThat(checking.path("headers").path("X-Fanout-Outcome").asText())
                .isEqualTo("checking");
        release.countDown();
        for (int i = 0; i < 100 && late.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(late).singleElement().asString().startsWith("Registered ab12");
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(1);
    }

    @Test
    void twoStudentsRacingForOneIdLeaveExactlyOneWinner() throws Exception {
        String otherRole = ROLE.replace("210987654321", "333344445555");
        String otherStream = STREAM.replace("210987654321", "333344445555");
        CountDownLatch both = new CountDownLatch(2);
        checker =
                (s, m) -> {
                    both.countDown();
                    try {
                        both.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ok(m.id());
                };
        CompletableFuture<String> first =
                CompletableFuture.supplyAsync(() -> quietly(hook("U1", ROLE, STREAM)));
        CompletableFuture<String> second =
                CompletableFuture.supplyAsync(() -> quietly(hook("U2", otherRole, otherStream)));
        List<String> answers = List.of(first.get(), second.get());
        assertThat(answers).filteredOn(a -> a.startsWith("Registered ab12")).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.contains("is already registered for another stream"))
                .hasSize(1);
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(1);
    }

    private String quietly(SlackCommand command) {
        try {
            return text(send(command));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
