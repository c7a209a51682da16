package fanout.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    private final Environment environment =
            new Environment(Map.of("BLANK", "  ", "PADDED", " value ", "COUNT", "7", "WORD", "x"));

    @Test
    void aBlankVariableCountsAsUnsetAndValuesAreTrimmed() {
        assertThat(environment.text("BLANK", "fallback")).isEqualTo("fallback");
        assertThat(environment.text("MISSING", null)).isNull();
        assertThat(environment.text("PADDED", "fallback")).isEqualTo("value");
    }

    @Test
    void aNumberIsReadWithinItsBoundsOrFallsBackWhenUnset() {
        assertThat(environment.number("COUNT", 1, 0, 10)).isEqualTo(7);
        assertThat(environment.number("MISSING", 3, 0, 10)).isEqualTo(3);
    }

    @Test
    void aBadNumberNamesTheVariableAndWhatWasWrong() {
        assertThatThrownBy(() -> environment.number("WORD", 1, 0, 10))
                .hasMessage("WORD must be a whole number, was 'x'");
        assertThatThrownBy(() -> environment.number("COUNT", 1, 0, 5))
                .hasMessage("COUNT must be between 0 and 5, was 7");
    }

    @Test
    void aMissingRequiredVariableNamesItAndWhoSetsIt() {
        assertThat(environment.required("PADDED", "deploy sets it")).isEqualTo("value");
        assertThatThrownBy(() -> environment.required("BLANK", "deploy sets it"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BLANK is required (deploy sets it)");
    }
}
