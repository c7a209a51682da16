/**
 * The class's session log: every state change and action, appended as JSON lines under {@code
 * .fanout/sessions/}, one file per class (function and source); read back to restore the class and
 * to write {@code fanout results}.
 */
package fanout.console.session;
