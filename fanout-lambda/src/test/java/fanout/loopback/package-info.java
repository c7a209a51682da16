/**
 * A loopback AWS on 127.0.0.1 that the real SDK clients talk to through their whole pipeline
 * (Kinesis, STS, CloudWatch, DynamoDB proxied to dynalite) with injectable faults, and an event
 * source mapping driver that runs the real handler in its own JVM. Shared by the fault suite and
 * the SDK benchmark.
 */
package fanout.loopback;
