/**
 * Test doubles shared by the modules' tests: {@link fanout.testing.ManualClock}, {@link
 * fanout.testing.RecordingCloudWatch}, {@link fanout.testing.FakeDynamo} and {@link
 * fanout.testing.FakeKinesis}. Used at test scope only.
 */
package fanout.testing;
