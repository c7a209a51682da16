/**
 * The leader's hands on the forwarder's cursors: {@code drain}, {@code skip} and {@code replay},
 * each a control invocation of the deployed function (only its role is trusted by students).
 */
package fanout.console.cursor;
