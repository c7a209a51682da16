/**
 * The fanout console: command line, full-screen console, AWS adapters and the local class sandbox.
 */
package fanout.console;
