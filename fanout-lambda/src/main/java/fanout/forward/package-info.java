/**
 * Delivery of one shard's batch to every destination: mappings to destinations, sinks per target
 * type (kinesis for now), per-entry retries with backoff, hand-back checkpoints, and the real
 * cross-account Kinesis clients.
 */
package fanout.forward;
