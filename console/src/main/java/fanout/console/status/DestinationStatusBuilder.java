package fanout.console.status;

import java.time.Instant;

/**
 * Builds a {@link DestinationStatus} naming only the values a row has (the rest are zero, empty or
 * null), so a new column does not mean touching every caller.
 */
public final class DestinationStatusBuilder {
    private String id;
    private String name;
    private String helper;
    private boolean active;
    private DestinationState state;
    private String reason;
    private String fix;
    private long delivered;
    private long failed;
    private long throttled;
    private long rejected;
    private long resent;
    private Long lagMs;
    private Instant lastDeliveryAt;
    private String lastError;
    private String lastErrorCode;
    private Instant lastErrorAt;
    private Instant firstDeliveryExpectedAt;
    private Long lagNowMs;
    private String action;
    private Instant notOkSince;
    private boolean classWide;
    private long recentDelivered;
    private long recentErrors;
    private Long behindRecords;
    private Long behindMs;
    private String origin;

    DestinationStatusBuilder(String id, DestinationState state) {
        this.id = id;
        this.state = state;
    }

    DestinationStatusBuilder(DestinationStatus from) {
        this.id = from.id();
        this.name = from.name();
        this.helper = from.helper();
        this.active = from.active();
        this.state = from.state();
        this.reason = from.reason();
        this.fix = from.fix();
        this.delivered = from.delivered();
        this.failed = from.failed();
        this.throttled = from.throttled();
        this.rejected = from.rejected();
        this.resent = from.resent();
        this.lagMs = from.lagMs();
        this.lastDeliveryAt = from.lastDeliveryAt();
        this.lastError = from.lastError();
        this.lastErrorCode = from.lastErrorCode();
        this.lastErrorAt = from.lastErrorAt();
        this.firstDeliveryExpectedAt = from.firstDeliveryExpectedAt();
        this.lagNowMs = from.lagNowMs();
        this.action = from.action();
        this.notOkSince = from.notOkSince();
        this.classWide = from.classWide();
        this.recentDelivered = from.recentDelivered();
        this.recentErrors = from.recentErrors();
        this.behindRecords = from.behindRecords();
        this.behindMs = from.behindMs();
        this.origin = from.origin();
    }

    public DestinationStatusBuilder name(String value) {
        this.name = value;
        return this;
    }

    public DestinationStatusBuilder helper(String value) {
        this.helper = value;
        return this;
    }

    public DestinationStatusBuilder active(boolean value) {
        this.active = value;
        return this;
    }

    public DestinationStatusBuilder reason(String value) {
        this.reason = value;
        return this;
    }

    public DestinationStatusBuilder fix(String value) {
        this.fix = value;
        return this;
    }

    public DestinationStatusBuilder delivered(long value) {
        this.delivered = value;
        return this;
    }

    public DestinationStatusBuilder failed(long value) {
        this.failed = value;
        return this;
    }

    public DestinationStatusBuilder throttled(long value) {
        this.throttled = value;
        return this;
    }

    public DestinationStatusBuilder rejected(long value) {
        this.rejected = value;
        return this;
    }

    public DestinationStatusBuilder resent(long value) {
        this.resent = value;
        return this;
    }

    public DestinationStatusBuilder lagMs(Long value) {
        this.lagMs = value;
        return this;
    }

    public DestinationStatusBuilder lastDeliveryAt(Instant value) {
        this.lastDeliveryAt = value;
        return this;
    }

    public DestinationStatusBuilder lastError(String value) {
        this.lastError = value;
        return this;
    }

    public DestinationStatusBuilder lastErrorCode(String value) {
        this.lastErrorCode = value;
        return this;
    }

    public DestinationStatusBuilder lastErrorAt(Instant value) {
        this.lastErrorAt = value;
        return this;
    }

    public DestinationStatusBuilder firstDeliveryExpectedAt(Instant value) {
        this.firstDeliveryExpectedAt = value;
        return this;
    }

    public DestinationStatusBuilder lagNowMs(Long value) {
        this.lagNowMs = value;
        return this;
    }

    public DestinationStatusBuilder action(String value) {
        this.action = value;
        return this;
    }

    public DestinationStatusBuilder notOkSince(Instant value) {
        this.notOkSince = value;
        return this;
    }

    public DestinationStatusBuilder classWide(boolean value) {
        this.classWide = value;
        return this;
    }

    public DestinationStatusBuilder recentDelivered(long value) {
        this.recentDelivered = value;
        return this;
    }

    public DestinationStatusBuilder recentErrors(long value) {
        this.recentErrors = value;
        return this;
    }

    public DestinationStatusBuilder behindRecords(Long value) {
        this.behindRecords = value;
        return this;
    }

    public DestinationStatusBuilder behindMs(Long value) {
        this.behindMs = value;
        return this;
    }

    public DestinationStatusBuilder origin(String value) {
        this.origin = value;
        return this;
    }

    public DestinationStatus build() {
        return new DestinationStatus(
                id,
                name,
                helper,
                active,
                state,
                reason,
                fix,
                delivered,
                failed,
                throttled,
                rejected,
                resent,
                lagMs,
                lastDeliveryAt,
                lastError,
                lastErrorCode,
                lastErrorAt,
                firstDeliveryExpectedAt,
                lagNowMs,
                action,
                notOkSince,
                classWide,
                recentDelivered,
                recentErrors,
                behindRecords,
                behindMs,
                origin);
    }
}
