package fanout.console.aws.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * A CloudWatch metric's identity: namespace, name and the dimension set (order does not matter).
 */
record MetricKey(String namespace, String name, Map<String, String> dimensions) {
    static MetricKey of(String namespace, String name, List<Dimension> dimensions) {
        Map<String, String> map = new TreeMap<>();
        for (Dimension dimension : dimensions) {
            map.put(dimension.name(), dimension.value());
        }
        return new MetricKey(namespace, name, map);
    }

    /** ListMetrics' filter: an absent namespace or name matches all, a filter without value any. */
    boolean matches(String namespaceFilter, String nameFilter, List<DimensionFilter> filters) {
        if (namespaceFilter != null && !namespaceFilter.equals(namespace)) {
            return false;
        }
        if (nameFilter != null && !nameFilter.equals(name)) {
            return false;
        }
        for (DimensionFilter filter : filters) {
            String value = dimensions.get(filter.name());
            if (value == null || (filter.value() != null && !filter.value().equals(value))) {
                return false;
            }
        }
        return true;
    }

    Metric toMetric() {
        List<Dimension> list = new ArrayList<>();
        new TreeMap<>(dimensions)
                .forEach((k, v) -> list.add(Dimension.builder().name(k).value(v).build()));
        return Metric.builder().namespace(namespace).metricName(name).dimensions(list).build();
    }
}
