/**
 * Catch-up from the source stream: a destination that fell behind reads the source shard from its
 * cursor (one reader per shard for every behind destination, a few reads per invocation) until it
 * reaches the live batch and rejoins live delivery. Nothing is copied anywhere.
 */
package fanout.catchup;
