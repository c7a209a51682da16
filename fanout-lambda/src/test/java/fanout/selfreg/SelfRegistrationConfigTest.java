package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.selfreg.Outcome.Kind;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfRegistrationConfigTest {
    static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(SelfRegistrationConfig.FORWARDER, "fanout");
        env.put(SelfRegistrationConfig.SOURCE_ARN, RequestRulesTest.SOURCE);
        env.put(SelfRegistrationConfig.STREAM_ID_PATTERN, "^([a-z0-9]{4})Stream$");
        env.put(SelfRegistrationConfig.ROLE_ID_PATTERN, "^([a-z0-9]{4})StreamWriter$");
        env.put(SelfRegistrationConfig.ASSUMABLE_ROLE_PATTERN, "arn:aws:iam::*:role/*StreamWriter");
        env.put(
                SelfRegistrationConfig.FANOUT_ROLE_ARN,
                "arn:aws:iam::123456789012:role/fanoutRole");
        env.put(SelfRegistrationConfig.SIGNING_SECRET, "top-secret-value");
        return env;
    }

    @Test
    void tablesAndTheFunctionNameDefaultFromTheForwarderAndLateAnswersGoOnlyToSlack() {
        SelfRegistrationConfig config = SelfRegistrationConfig.fromEnvironment(environment());
        assertThat(config.targetsTable()).isEqualTo("fanoutTargets");
        assertThat(config.stateTable()).isEqualTo("fanoutState");
        assertThat(config.functionName()).isEqualTo("fanout-selfreg");
        assertThat(config.responseUrlPrefix()).isEqualTo("https://hooks.slack.com/");
        assertThat(config.toString()).doesNotContain("top-secret-value");
    }

    @Test
    void aMissingVariableIsNamedAndTheSecretIsNeverQuoted() {
        Map<String, String> env = environment();
        env.remove(SelfRegistrationConfig.SIGNING_SECRET);
        assertThatThrownBy(() -> SelfRegistrationConfig.fromEnvironment(env))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is required");
        Map<String, String> noRule = environment();
        noRule.put(SelfRegistrationConfig.STREAM_ID_PATTERN, "^[a-z]{4}Stream$");
        assertThatThrownBy(() -> SelfRegistrationConfig.fromEnvironment(noRule))
                .hasMessageContaining("needs a group around the id");
        Map<String, String> noSource = environment();
        noSource.remove(SelfRegistrationConfig.SOURCE_ARN);
        assertThatThrownBy(() -> SelfRegistrationConfig.fromEnvironment(noSource))
                .hasMessageStartingWith("FANOUT_SELFREG_SOURCE_ARN is required");
    }

    @Test
    void aLateAnswerIsNeverPostedOutsideTheAllowedPrefix() {
        LateAnswers answers = new LateAnswers("https://hooks.slack.com/", new ObjectMapper());
        assertThatThrownBy(
                        () ->
                                answers.post(
                                        "http://169.254.169.254/latest/meta-data",
                                        new Outcome(Kind.REGISTERED, "x")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not start with https://hooks.slack.com/");
    }
}
