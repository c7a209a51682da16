/**
 * Control invocations from the console ({@code {"action": "check", ...}}): checks that only the
 * function's role can make, because only it is trusted by the students' roles.
 */
package fanout.control;
