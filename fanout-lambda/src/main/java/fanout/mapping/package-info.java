/**
 * The source-to-target mapping as the original aws-lambda-fanout stored it, its DynamoDB codec and
 * the ARN rules that both the forwarder and the console validate against.
 */
package fanout.mapping;
