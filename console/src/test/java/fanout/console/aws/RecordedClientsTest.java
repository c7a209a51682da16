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
    private final FakeAws fake = new FakeAws((name, event, payload, timeout) -> payload);
    private final RecordedClients clients = new RecordedClients(fake, calls::add, fake.clock);

    private void assertOneCall(String service, String operation, String outcome) {
        assertThat(calls)
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.service()).isEqualTo(service);
                            assertThat(call.operation()).isEqualTo(operation);
                            assertThat(call.outcome()).isEqualTo(outcome);
                            assertThat(call.at()).isEqualTo(fake.clock.instant());
                        });
    }

    @Test
    void theSandboxsInMemoryServicesAreRecordedLikeAws() {

        clients.sts().getCallerIdentity();

        assertOneCall("Sts", "GetCallerIdentity", AwsCall.OK);
    }

    @Test
    void aFailedCallIsRecordedOnceWithItsErrorCodeAndStillThrown() {

        assertThatThrownBy(() -> clients.lambda().getFunction(r -> r.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);

        assertOneCall("Lambda", "GetFunction", "ResourceNotFoundException");
    }

    @Test
    void aRealSdkClientsFailureIsRecordedWithServiceOperationAndOutcome() {
        try (StsClient unreachable =
                StsClient.builder()
                        .region(Region.US_WEST_2)
                        .endpointOverride(URI.create("http://127.0.0.1:9"))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .build()) {
            fake.sts = unreachable;

            assertThatThrownBy(() -> clients.sts().getCallerIdentity())
                    .isInstanceOf(SdkException.class);
        }
        assertOneCall("Sts", "GetCallerIdentity", "ClientError");
    }

    @Test
    void eachPageOfAPaginatorIsOneRecordedCall() {

        clients.lambda().listEventSourceMappingsPaginator(r -> r.functionName("fanout")).stream()
                .forEach(page -> {});

        assertThat(calls).extracting(AwsCall::operation).containsExactly("ListEventSourceMappings");
    }
}
