/**
 * Students register their own streams from Slack ({@code /hook-stream}, {@code /unhook-stream}): a
 * second handler in the same deployment jar behind a function URL. Every request is verified with
 * Slack's signing secret, and nothing is answered "yes" before the fan-out function has checked the
 * student's role and stream and the mapping is written.
 */
package fanout.selfreg;
