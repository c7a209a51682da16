package fanout.console.aws.memory;

import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Copies the members of one SDK model object into the builder of another with the same members
 * (e.g. a {@code FunctionConfiguration} into a {@code CreateFunctionResponse}), as the service's
 * responses share their shape.
 */
final class SdkCopy {
    private SdkCopy() {}

    static <B extends SdkPojo> B into(SdkPojo from, B builder) {
        Map<String, SdkField<?>> targets = builder.sdkFieldNameToField();
        for (SdkField<?> field : from.sdkFields()) {
            SdkField<?> target = targets.get(field.memberName());
            Object value = field.getValueOrDefault(from);
            if (target != null && value != null) {
                target.set(builder, value);
            }
        }
        return builder;
    }
}
