/**
 * The forwarder's CloudWatch metrics: their names (shared with the console's dashboard), the
 * per-invocation accumulator and the publisher that sends it in PutMetricData-sized calls.
 */
package fanout.metrics;
