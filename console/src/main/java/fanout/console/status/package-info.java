/**
 * Per-destination forwarding status: CloudWatch metrics and last errors folded into states the
 * leader acts on.
 */
package fanout.console.status;
