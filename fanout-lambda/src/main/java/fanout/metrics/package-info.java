/** Names of the CloudWatch metrics the forwarder publishes and the console's dashboard reads. */
package fanout.metrics;
