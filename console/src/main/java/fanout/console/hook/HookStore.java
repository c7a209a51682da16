package fanout.console.hook;

import java.util.List;
import java.util.Optional;

/**
 * Where hooks live: the function's event source mappings, and the read grants (inline policies) on
 * its role. The answers AWS gives while a change settles are values here (empty, false), so the
 * service decides how long to wait; every other AWS failure propagates as it is.
 */
public interface HookStore {

    /** The function's role ARN; empty when the function does not exist. */
    Optional<String> functionRole(String function);

    /** Every mapping of the function (every page), Deleting ones included. */
    List<Hook> hooks(String function);

    /** Puts the inline policy {@code policyName} on the role (replacing one of that name). */
    void grant(String roleName, String policyName, String policyDocument);

    /** Deletes the inline policy; false when the role has none of that name. */
    boolean revoke(String roleName, String policyName);

    /**
     * Creates the mapping with {@link HookSettings}; empty while Lambda cannot read the stream yet
     * (the role's read grant has not propagated).
     */
    Optional<Hook> create(HookRequest request);

    /** Updates the mapping to {@link HookSettings} in place; empty while it is in use. */
    Optional<Hook> applySettings(String uuid);

    /** Enables or disables the mapping; empty while it is in use. */
    Optional<Hook> setEnabled(String uuid, boolean enabled);

    /** Deletes the mapping; false while it is in use, true once deleted (or already gone). */
    boolean delete(String uuid);
}
