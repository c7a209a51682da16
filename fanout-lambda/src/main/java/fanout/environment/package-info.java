/**
 * Reading a function's environment variables at cold start, shared by the forwarder's and the
 * self-registration function's configuration, with the variable names both read.
 */
package fanout.environment;
