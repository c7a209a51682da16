package fanout.selfreg;

import fanout.control.CheckResult;
import fanout.forward.AwsFailures;
import fanout.selfreg.StudentRequest.Hook;

/** The student-facing explanation of a failed check, with the fix (the policy to add, ...). */
final class Fixes {
    private Fixes() {}

    static String failedCheck(Hook hook, CheckResult result, String fanoutRoleArn) {
        String prefix = "Not registered: " + hook.id() + " failed the check. ";
        if (Boolean.FALSE.equals(result.roleAssumed())) {
            return prefix
                    + "The class's fan-out role cannot assume "
                    + hook.role()
                    + " ("
                    + result.error()
                    + "). Fix: give your role this trust policy, then run the command again:\n"
                    + trustPolicy(fanoutRoleArn);
        }
        if (Boolean.FALSE.equals(result.streamFound())
                || AwsFailures.RESOURCE_NOT_FOUND.equals(result.code())) {
            return prefix
                    + "Stream "
                    + hook.stream().shortName()
                    + " does not exist in "
                    + hook.stream().region()
                    + " of account "
                    + hook.stream().account()
                    + ". Fix: create it (deploy your stream stack) or correct the ARN, then run"
                    + " the command again.";
        }
        if (CheckResult.STREAM_NOT_ACTIVE.equals(result.code())) {
            return prefix
                    + "Your stream is "
                    + result.streamStatus()
                    + ". Fix: wait until it is ACTIVE, then run the command again.";
        }
        if (AwsFailures.ACCESS_DENIED.equals(result.code())) {
            return prefix
                    + "Your role was assumed but may not use the stream ("
                    + result.error()
                    + "). Fix: give your role this permission policy:\n"
                    + permissionPolicy(hook);
        }
        return prefix + result.code() + ": " + result.error();
    }

    static String trustPolicy(String fanoutRoleArn) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"AWS\": \""
                + fanoutRoleArn
                + "\"}, \"Action\": \"sts:AssumeRole\"}]}";
    }

    static String permissionPolicy(Hook hook) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\":"
                + " [\"kinesis:PutRecords\", \"kinesis:DescribeStreamSummary\"], \"Resource\": \""
                + hook.stream()
                + "\"}]}";
    }
}
