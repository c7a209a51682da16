package fanout.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/** Records every PutMetricData request; {@link #onPut} lets a test block or fail a call. */
class RecordingCloudWatch implements CloudWatchClient {
    interface OnPut {
        void accept(PutMetricDataRequest request) throws Exception;
    }

    final List<PutMetricDataRequest> requests = new CopyOnWriteArrayList<>();
    private final OnPut onPut;

    RecordingCloudWatch() {
        this(request -> {});
    }

    RecordingCloudWatch(OnPut onPut) {
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
        return "monitoring";
    }

    @Override
    public void close() {}
}
