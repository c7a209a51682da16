package fanout.console.roster;

import java.util.List;

/** Column names of a roster (header names are matched case-insensitively). */
public final class RosterColumns {
    public static final String ID = "id";
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";
    public static final String STREAM = "stream";
    public static final String ROLE = "role";
    public static final String EXTERNAL_ID = "external_id";
    public static final String NAME = "name";
    public static final String HELPER = "helper";
    public static final String PARALLEL = "parallel";

    /** Read by the sandbox (how to break a simulated student), so not warned about. */
    public static final String SANDBOX = "sandbox";

    public static final List<String> ALL =
            List.of(ID, ACCOUNT, REGION, STREAM, ROLE, EXTERNAL_ID, NAME, HELPER, PARALLEL);

    private RosterColumns() {}
}
