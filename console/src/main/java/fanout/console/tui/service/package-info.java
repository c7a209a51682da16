/** Adapters from the console's ports to the real services of a session (AWS or sandbox). */
package fanout.console.tui.service;
