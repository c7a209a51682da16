package fanout.console.deploy;

import java.util.Objects;

/** One line of {@code doctor}: what was checked, how it went, and the fix when it did not. */
public record DoctorCheck(String name, Status status, String detail, String fix) {
    public enum Status {
        OK,
        WARN,
        FAIL
    }

    public DoctorCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, Status.OK, detail, "");
    }

    static DoctorCheck warn(String name, String detail, String fix) {
        return new DoctorCheck(name, Status.WARN, detail, fix);
    }

    static DoctorCheck fail(String name, String detail, String fix) {
        return new DoctorCheck(name, Status.FAIL, detail, fix);
    }
}
