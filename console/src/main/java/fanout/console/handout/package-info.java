/**
 * {@code handout}: what students need to let the class's fan-out write to their stream (core
 * account, fan-out role ARN, external id, their role's trust and permissions policies).
 */
package fanout.console.handout;
