/**
 * What went wrong, by meaning: bad input, AWS access or configuration, partly applied, failed. The
 * services throw these; only the command line turns them into exit codes.
 */
package fanout.console.problem;
