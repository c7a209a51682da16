package fanout.console.aws.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every (caller, action, resource) the authorizing clients saw, with IAM's decision, once each:
 * what the policy coverage tests hold against the policies {@code deploy} writes. Thread-safe.
 */
public final class CallLog {
    /** One distinct call, with the condition keys it was evaluated with. */
    public record Call(
            String caller,
            String action,
            String resource,
            java.util.Map<String, String> context,
            Decision decision) {
        /** The call as a request, to evaluate it against other policies. */
        public AccessRequest request() {
            return new AccessRequest(action, resource, context);
        }
    }

    private final Set<Call> calls = new LinkedHashSet<>();

    public synchronized void record(Caller caller, AccessRequest request, Decision decision) {
        calls.add(
                new Call(
                        caller.arn(),
                        request.action(),
                        request.resource(),
                        request.context(),
                        decision));
    }

    public synchronized List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** The calls IAM refused. */
    public synchronized List<Call> denied() {
        List<Call> denied = new ArrayList<>();
        for (Call call : calls) {
            if (call.decision() != Decision.ALLOWED) {
                denied.add(call);
            }
        }
        return denied;
    }
}
