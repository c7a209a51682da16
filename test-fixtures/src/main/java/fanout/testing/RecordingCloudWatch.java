package fanout.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/** Records every PutMetricData request; an {@link OnPut} lets a test block or fail a call. */
public final class RecordingCloudWatch implements CloudWatchClient {
    /** What happens on each call after it is recorded. */
    public interface OnPut {
        void accept(PutMetricDataRequest request) throws Exception;
    }

    public final List<PutMetricDataRequest> requests = new CopyOnWriteArrayList<>();
    private final OnPut onPut;

    public RecordingCloudWatch() {
        this(request -> {});
    }

    public RecordingCloudWatch(OnPut onPut) {
        this.onPut = onPut;
    }

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        requests.add(request);
        try {
            onPut.accept(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return PutMetricDataResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
