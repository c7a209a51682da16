package fanout.console.sandbox;

/** Told when records land in a simulated student's stream (the sandbox logs the first one). */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(String studentId, int records);

    static DeliveryListener none() {
        return (studentId, records) -> {};
    }
}
