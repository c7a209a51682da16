/** The command log view: every AWS call the console made, newest first. */
package fanout.console.tui.log;
