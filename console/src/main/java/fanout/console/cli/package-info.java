/**
 * The picocli command line: one class per command, thin shells over the console's services; global
 * options, output formats and the exit-code mapping live here.
 */
package fanout.console.cli;
