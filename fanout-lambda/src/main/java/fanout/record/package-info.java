/**
 * Source records as the forwarder sees them: Lambda Kinesis events parsed, KPL aggregates split
 * into user records, payloads transformed once per record and shared by every destination.
 */
package fanout.record;
