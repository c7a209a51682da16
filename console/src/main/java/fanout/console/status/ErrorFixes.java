package fanout.console.status;

/** The fix to suggest for a destination's last error code. */
final class ErrorFixes {
    private ErrorFixes() {}

    static String forCode(String code, String id) {
        String check = "then check with `fanout roster check --ids " + id + "`";
        if (code == null) {
            return "run `fanout roster check --ids " + id + "` to see what fails";
        }
        if (code.contains("AccessDenied") || code.contains("AssumeRole")) {
            return "the student's role must trust the fan-out role and allow kinesis:PutRecords on"
                    + " their stream (see `fanout handout`); "
                    + check;
        }
        if (code.contains("NotFound")) {
            return "the student's stream does not exist in the registered account and region:"
                    + " ask the student to create it, "
                    + check;
        }
        if (code.contains("Throttl") || code.contains("ProvisionedThroughputExceeded")) {
            return "the student's stream is too small for the class's traffic: add shards";
        }
        if (code.contains("TooLarge") || code.contains("Validation")) {
            return "records are too large or malformed for the destination: check the transform";
        }
        if (code.contains("InvalidMapping")) {
            return "the mapping is invalid: fix it with `fanout update --id " + id + "`";
        }
        return "run `fanout roster check --ids " + id + "` to see what fails";
    }
}
