/**
 * Local stand-ins for AWS services that have an open-source emulator: dynalite (DynamoDB) and
 * kinesalite (Kinesis), started from npm as one node child process bound to 127.0.0.1.
 */
package fanout.localaws;
