/**
 * Hooking the fan-out function to a source stream (its event source mapping), with the read grant
 * it needs, and pausing, resuming and removing it.
 */
package fanout.console.hook;
