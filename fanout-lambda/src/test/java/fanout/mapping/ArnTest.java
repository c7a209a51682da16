package fanout.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void eachRegionBelongsToItsPartition() {
        assertThat(Arn.partitionOf("us-west-2")).isEqualTo("aws");
        assertThat(Arn.partitionOf("cn-north-1")).isEqualTo("aws-cn");
        assertThat(Arn.partitionOf("cn-northwest-1")).isEqualTo("aws-cn");
        assertThat(Arn.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
        assertThat(Arn.partitionOf("us-iso-east-1")).isEqualTo("aws-iso");
        assertThat(Arn.partitionOf("us-isob-east-1")).isEqualTo("aws-iso-b");
    }

    @Test
    void builtArnsCarryTheRegionsPartitionAndParseBack() {
        String china = Arn.kinesisStreamArn("cn-north-1", "123456789012", "coreRetailStream");
        String gov = Arn.iamRoleArn("us-gov-west-1", "210987654321", "ab12StreamWriter");

        assertThat(china)
                .isEqualTo("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/coreRetailStream");
        assertThat(gov).isEqualTo("arn:aws-us-gov:iam::210987654321:role/ab12StreamWriter");
        assertThat(Arn.kinesisStream(china).partition()).isEqualTo("aws-cn");
        assertThat(Arn.iamRole(gov).shortName()).isEqualTo("ab12StreamWriter");
        assertThat(Arn.of("lambda", "cn-north-1", "123456789012", "function:fanout"))
                .isEqualTo("arn:aws-cn:lambda:cn-north-1:123456789012:function:fanout");
    }

    @Test
    void aStreamArnWhosePartitionDoesNotGoWithItsRegionNamesBoth() {
        assertThatThrownBy(
                        () -> Arn.kinesisStream("arn:aws:kinesis:cn-north-1:123456789012:stream/s"))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("partition 'aws'")
                .hasMessageContaining("cn-north-1")
                .hasMessageContaining("aws-cn");
    }

    @Test
    void resourcePatternsMatchAsIamMatchesThem() {
        String pattern = "arn:aws:iam::*:role/*StreamWriter";

        assertThat(Arn.matches(pattern, "arn:aws:iam::210987654321:role/ab12StreamWriter"))
                .isTrue();
        assertThat(Arn.matches(pattern, "arn:aws:iam::123456789012:role/zz01Writer")).isFalse();
        assertThat(Arn.matches(pattern, "arn:aws-cn:iam::210987654321:role/ab12StreamWriter"))
                .isFalse();
        assertThat(
                        Arn.matches(
                                "arn:aws:kinesis:us-west-2:1?3:stream/a.b",
                                "arn:aws:kinesis:us-west-2:123:stream/a.b"))
                .isTrue();
        assertThat(
                        Arn.matches(
                                "arn:aws:kinesis:us-west-2:123:stream/a.b",
                                "arn:aws:kinesis:us-west-2:123:stream/aXb"))
                .as("a dot is literal, not a regex wildcard")
                .isFalse();
    }

    @Test
    void aFunctionNameComesOutOfANameOrAQualifiedOrPlainArn() {
        assertThat(Arn.functionName("fanout")).isEqualTo("fanout");
        assertThat(Arn.functionName("arn:aws:lambda:us-west-2:123456789012:function:fanout"))
                .isEqualTo("fanout");
        assertThat(Arn.functionName("arn:aws:lambda:us-west-2:123456789012:function:fanout:live"))
                .isEqualTo("fanout");
        assertThat(Arn.functionName(null)).isNull();
    }

    @Test
    void globPatternsHonourTheFlagsGiven() {
        assertThat(Arn.glob("Kinesis:Put*", 0).matcher("kinesis:PutRecords").matches()).isFalse();
        assertThat(
                        Arn.glob("Kinesis:Put*", java.util.regex.Pattern.CASE_INSENSITIVE)
                                .matcher("kinesis:PutRecords")
                                .matches())
                .isTrue();
    }

    @Test
    void aWrongResourceTypeOrNameIsNamedWithWhatIsAllowed() {
        String prefix = "arn:aws:kinesis:us-west-2:123456789012:";
        assertThatThrownBy(() -> Arn.kinesisStream(prefix + "table/t"))
                .hasMessage("resource 'table' in " + prefix + "table/t must be stream/NAME");
        assertThatThrownBy(() -> Arn.kinesisStream(prefix + "stream/a b"))
                .hasMessage(
                        "stream name 'a b' in "
                                + prefix
                                + "stream/a b must be 1-128 letters, digits, '_', '.' or '-'");
        assertThatThrownBy(() -> Arn.iamRole("arn:aws:iam::123456789012:user/u"))
                .hasMessage(
                        "resource 'user' in arn:aws:iam::123456789012:user/u must be role/NAME");
        assertThatThrownBy(() -> Arn.iamRole("arn:aws:iam::123456789012:role/path/a#b"))
                .hasMessage(
                        "role name 'a#b' in arn:aws:iam::123456789012:role/path/a#b must be 1-64"
                                + " letters, digits or +=,.@_-");
    }

    @Test
    void aParsedArnPrintsAsItWasWritten() {
        for (String text :
                new String[] {
                    "arn:aws:iam::123456789012:role/path/writer",
                    "arn:aws-cn:kinesis:cn-north-1:123456789012:stream/s",
                    "arn:aws:sqs:us-west-2:123456789012:queue"
                }) {
            assertThat(Arn.parse(text)).hasToString(text);
        }
    }
}
