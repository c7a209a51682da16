/**
 * In-memory implementations of the SDK clients that have no local emulator (CloudWatch, Lambda,
 * IAM, STS). They behave like AWS where the console depends on it, and back the sandbox as well as
 * the tests.
 */
package fanout.console.aws.memory;
