/**
 * The forwarder benchmark ({@code mvn -Pbench}): the real handler against fakes with simulated
 * latency, each figure printed next to a baseline measured in the same run. Never part of the
 * default build: performance goals live here, not in timed unit tests.
 */
package fanout.bench;
