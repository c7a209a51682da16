/**
 * {@code roster check}: asks the deployed function (control invocation {@code check}) whether it
 * can assume each student's role and describe their stream, and turns failures into fixes.
 */
package fanout.console.check;
