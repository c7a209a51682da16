/**
 * IAM as the fakes enforce it: a small policy evaluator, callers' identities, and client wrappers
 * that map every SDK call to its IAM action and resource and refuse it as AWS would.
 */
package fanout.console.aws.policy;
