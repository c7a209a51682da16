package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.mapping.Mapping;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingValidatorTest {
    private static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/source";

    private final MappingValidator validator = new MappingValidator(Set.of("kinesis"), "us-west-2");

    private Problem problemOf(Mapping mapping) {
        MappingValidator.Result result = validator.validate(List.of(mapping));
        assertThat(result.destinations()).isEmpty();
        return result.invalid().get(0).problem();
    }

    @Test
    void aBlankIdIsRefused() {
        assertThat(problemOf(Mapping.kinesis(SOURCE, "  ", "ab12Stream")).message())
                .isEqualTo("the mapping's id is blank");
    }

    @Test
    void aStreamInAnotherAccountThanItsRoleIsRefusedNamingBothAccounts() {
        Mapping mapping =
                Mapping.kinesis(
                                SOURCE,
                                "ab12",
                                "arn:aws:kinesis:us-west-2:111111111111:stream/ab12Stream")
                        .withRole("arn:aws:iam::222222222222:role/ab12StreamWriter", null);

        Problem problem = problemOf(mapping);

        assertThat(problem.code()).isEqualTo(InvalidMapping.INVALID);
        assertThat(problem.message())
                .contains("account 111111111111")
                .contains("account 222222222222");
    }

    @Test
    void theSourceStreamItselfIsRefusedByArnOrByName() {
        assertThat(problemOf(Mapping.kinesis(SOURCE, "loop", SOURCE)).message())
                .contains("is the source stream");
        assertThat(problemOf(Mapping.kinesis(SOURCE, "loop", "source")).message())
                .contains("is the source stream");
    }

    @Test
    void aStreamOfTheSameNameInAStudentsAccountOrAnotherRegionIsFine() {
        Mapping student =
                Mapping.kinesis(SOURCE, "ab12", "source")
                        .withRole("arn:aws:iam::222222222222:role/ab12StreamWriter", null);
        Mapping elsewhere = Mapping.kinesis(SOURCE, "cd34", "source").withRegion("eu-west-1");

        MappingValidator.Result result = validator.validate(List.of(student, elsewhere));

        assertThat(result.invalid()).isEmpty();
        assertThat(result.destinations()).hasSize(2);
    }
}
