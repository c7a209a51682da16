/**
 * Waiting, shared by the forwarder and the console: one {@link fanout.time.Sleeper} port and one
 * capped exponential {@link fanout.time.Backoff}, each user keeping its own numbers.
 */
package fanout.time;
