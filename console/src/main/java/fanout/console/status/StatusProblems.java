package fanout.console.status;

import fanout.console.aws.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Collects what failed, as "doing X failed: reason (fix: ...)" lines, and what is missing. */
final class StatusProblems {
    private final List<String> messages = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    <T> T attempt(String doing, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (SdkException e) {
            String hint = AwsErrors.hint(e);
            messages.add(
                    doing
                            + " failed: "
                            + AwsErrors.reason(e)
                            + (hint.isEmpty() ? "" : " (fix: " + hint + ")"));
            return fallback;
        }
    }

    <T> T attemptTable(String table, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (ResourceNotFoundException e) {
            missing(
                    "table " + table,
                    "the table "
                            + table
                            + " does not exist: run `fanout deploy` (or pass --function, --region)");
            return fallback;
        } catch (SdkException e) {
            return attempt(
                    "reading table " + table,
                    () -> {
                        throw e;
                    },
                    fallback);
        }
    }

    /** Something the leader should know that no failed read caused (e.g. an Inactive function). */
    void note(String message) {
        messages.add(message);
    }

    void missing(String what, String message) {
        missing.add(what);
        messages.add(message);
    }

    List<String> messages() {
        return messages;
    }

    List<String> missing() {
        return missing;
    }
}
