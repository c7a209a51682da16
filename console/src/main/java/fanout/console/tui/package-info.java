/**
 * The full-screen console: a small render loop on Lanterna's {@code Screen}, a registry of views
 * whose key bindings are data (hint bar and help are generated from them), and the {@code tui}
 * command.
 */
package fanout.console.tui;
