/**
 * The fan-out forwarder: reads a source stream's batches and delivers every record to each active
 * target.
 */
package fanout;
