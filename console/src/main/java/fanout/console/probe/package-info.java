/**
 * Probes: a tagged record written to the source, acknowledged by the forwarder per destination in
 * the state table, and read back as each student's round trip ({@code fanout probe}, {@code t} on
 * the dashboard).
 */
package fanout.console.probe;
