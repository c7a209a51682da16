/**
 * The local class: dynalite and kinesalite, simulated student accounts, an event-source-mapping
 * emulator running the real forwarder in-process, a traffic generator, and the loopback control
 * channel behind {@code ./fanout --sandbox}.
 */
package fanout.console.sandbox;
