/**
 * Test doubles shared by the modules' tests: {@link fanout.testing.ManualClock}, {@link
 * fanout.testing.RecordingCloudWatch} and {@link fanout.testing.FakeDynamo}. Used at test scope
 * only.
 */
package fanout.testing;
