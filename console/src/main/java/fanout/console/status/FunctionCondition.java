package fanout.console.status;

/**
 * The function's Lambda state and last update, as GetFunctionConfiguration reports them, and what
 * they mean for the class in words. Only Active with a settled update needs nothing said.
 *
 * @param state Pending, Active, Inactive or Failed; null when unknown (treated as Active)
 * @param lastUpdateStatus InProgress, Successful or Failed; null when unknown
 * @param reason Lambda's StateReason or LastUpdateStatusReason, null when none
 */
public record FunctionCondition(String state, String lastUpdateStatus, String reason) {
    public static final FunctionCondition UNKNOWN = new FunctionCondition(null, null, null);

    /** Still settling: worth one short wait and a second read. */
    boolean transitional() {
        return "Pending".equals(state) || "InProgress".equals(lastUpdateStatus);
    }

    /**
     * What the leader should know and do, starting with the state; null when the function is Active
     * and its last update settled.
     */
    public String note() {
        if ("Failed".equals(state)) {
            return "Failed: " + reasonOr("its creation failed") + "; run `fanout deploy` again";
        }
        if ("Inactive".equals(state)) {
            return "Inactive: idle for a long time; the next event or `fanout roster check`"
                    + " reactivates it, expect a cold start";
        }
        if ("Pending".equals(state)) {
            return "Pending: being created or updated; wait a few seconds";
        }
        if ("Failed".equals(lastUpdateStatus)) {
            return "last update Failed: "
                    + reasonOr("the update did not apply")
                    + "; run `fanout deploy` again";
        }
        if ("InProgress".equals(lastUpdateStatus)) {
            return "update InProgress: being created or updated; wait a few seconds";
        }
        return null;
    }

    private String reasonOr(String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason.trim();
    }
}
