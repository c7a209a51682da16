package fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.forward.PutRecordsPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PutRecordsPathConfigTest {
    @Test
    void destinationsPutRecordsGoDirectUnlessTheVariableSaysSdk() {
        assertThat(ForwarderConfig.fromEnvironment(Map.of()).putRecordsPath())
                .isEqualTo(PutRecordsPath.DIRECT);
        assertThat(
                        ForwarderConfig.fromEnvironment(Map.of("FANOUT_PUT_RECORDS", " SDK "))
                                .putRecordsPath())
                .isEqualTo(PutRecordsPath.SDK);
        assertThat(
                        ForwarderConfig.fromEnvironment(Map.of("FANOUT_PUT_RECORDS", "direct"))
                                .putRecordsPath())
                .isEqualTo(PutRecordsPath.DIRECT);
    }

    @Test
    void anUnknownPathNamesTheVariableAndTheChoices() {
        assertThatThrownBy(
                        () -> ForwarderConfig.fromEnvironment(Map.of("FANOUT_PUT_RECORDS", "cbor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FANOUT_PUT_RECORDS must be sdk or direct, was 'cbor'");
    }
}
