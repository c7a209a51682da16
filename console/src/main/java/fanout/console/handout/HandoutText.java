package fanout.console.handout;

/**
 * The handout as text, one way for {@code fanout handout} and the console's handout file: every
 * value a student needs, then both policies of their role.
 */
public final class HandoutText {
    private HandoutText() {}

    public static String of(Handout handout) {
        return "Core (workshop leader) account: "
                + handout.coreAccount()
                + "\nRegion:                          "
                + handout.region()
                + "\nSource stream:                   "
                + handout.sourceStreamArn()
                + "\nFan-out role your role trusts:   "
                + handout.fanoutRoleArn()
                + (handout.fanoutDeployed() ? "" : "  (created by `fanout deploy`)")
                + "\nExternal id:                     "
                + externalId(handout)
                + "\nYour stream:                     "
                + handout.studentStreamArn()
                + "\nYour role:                       "
                + handout.studentRoleArn()
                + "\n\nTrust policy of your role:\n"
                + handout.trustPolicy().toPrettyString()
                + "\n\nPermissions policy of your role:\n"
                + handout.permissionsPolicy().toPrettyString()
                + "\n";
    }

    /** The external id, or {@code (none)} when the class uses none. */
    public static String externalId(Handout handout) {
        return handout.externalId() == null || handout.externalId().isEmpty()
                ? "(none)"
                : handout.externalId();
    }
}
