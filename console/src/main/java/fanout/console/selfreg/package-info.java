/**
 * {@code selfreg}: the leader's side of self-registration from Slack. Lock and unlock it, see where
 * it stands, and simulate a student's signed slash command without Slack.
 */
package fanout.console.selfreg;
