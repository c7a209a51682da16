package fanout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/** Keeps every PutMetricData request. */
final class RecordingCloudWatch implements CloudWatchClient {
    final List<PutMetricDataRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        requests.add(request);
        return PutMetricDataResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "monitoring";
    }

    @Override
    public void close() {}
}
