package fanout.console.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.FakeAws;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;

class RecordedClientsTest {
    private final List<AwsCall> calls = new CopyOnWriteArrayList<>();

    @Test
    void theSandboxsInMemoryServicesAreRecordedLikeAws() {
        FakeAws fake = new FakeAws((name, event, payload, timeout) -> payload);
        RecordedClients clients = new RecordedClients(fake, calls::add, fake.clock);

        clients.sts().getCallerIdentity();

        assertThat(calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.service()).isEqualTo("Sts");
                            assertThat(call.operation()).isEqualTo("GetCallerIdentity");
                            assertThat(call.ok()).isTrue();
                            assertThat(call.at()).isEqualTo(fake.clock.instant());
                        });
    }

    @Test
    void aFailedCallIsRecordedOnceWithItsErrorCodeAndStillThrown() {
        FakeAws fake = new FakeAws((name, event, payload, timeout) -> payload);
        RecordedClients clients = new RecordedClients(fake, calls::add, fake.clock);

        assertThatThrownBy(() -> clients.lambda().getFunction(r -> r.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);

        assertThat(calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.service()).isEqualTo("Lambda");
                            assertThat(call.operation()).isEqualTo("GetFunction");
                            assertThat(call.outcome()).isEqualTo("ResourceNotFoundException");
                        });
    }

    @Test
    void aRealSdkClientsFailureIsRecordedWithServiceOperationAndOutcome() {
        FakeAws fake = new FakeAws((name, event, payload, timeout) -> payload);
        try (StsClient unreachable =
                StsClient.builder()
                        .region(Region.US_WEST_2)
                        .endpointOverride(URI.create("http://127.0.0.1:9"))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .build()) {
            fake.sts = unreachable;
            RecordedClients clients = new RecordedClients(fake, calls::add, fake.clock);

            assertThatThrownBy(() -> clients.sts().getCallerIdentity())
                    .isInstanceOf(SdkException.class);
        }
        assertThat(calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.service()).isEqualTo("Sts");
                            assertThat(call.operation()).isEqualTo("GetCallerIdentity");
                            assertThat(call.outcome()).isEqualTo("ClientError");
                        });
    }

    @Test
    void eachPageOfAPaginatorIsOneRecordedCall() {
        FakeAws fake = new FakeAws((name, event, payload, timeout) -> payload);
        RecordedClients clients = new RecordedClients(fake, calls::add, fake.clock);

        clients.lambda().listEventSourceMappingsPaginator(r -> r.functionName("fanout")).stream()
                .forEach(page -> {});

        assertThat(calls).extracting(AwsCall::operation).containsExactly("ListEventSourceMappings");
    }
}
