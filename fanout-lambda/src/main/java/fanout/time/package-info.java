/**
 * Waiting and background threads, shared by the forwarder and the console: one {@link
 * fanout.time.Sleeper} port, one capped exponential {@link fanout.time.Backoff} (each user keeping
 * its own numbers) and one factory of {@link fanout.time.DaemonThreads}.
 */
package fanout.time;
