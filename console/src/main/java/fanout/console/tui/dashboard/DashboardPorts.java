package fanout.console.tui.dashboard;

import fanout.check.Required;

/**
 * What the dashboard and the views it opens (detail, probe, projector) need from the services: the
 * status it reads, the actions it takes, and where a fix is copied to.
 */
public record DashboardPorts(StatusFeed feed, BulkActions actions, FixCopy copy) {

    public DashboardPorts {
        Required.all("status feed, bulk actions, fix copy", feed, actions, copy);
    }
}
