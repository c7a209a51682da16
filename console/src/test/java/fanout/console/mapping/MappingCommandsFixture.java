package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;

import fanout.console.SessionFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The mapping commands against dynalite: a fresh targets table per test, each command run as the
 * launcher runs it with {@code --function} naming that table's function.
 */
abstract class MappingCommandsFixture {
    static final AtomicInteger FUNCTIONS = new AtomicInteger();
    static LocalTargets local;
    static SessionFactory sessions;

    String function;
    MappingRepository repository;

    @BeforeAll
    static void start() {
        local = new LocalTargets();
        sessions = local.sessions();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void freshTable() {
        function = "cmd" + FUNCTIONS.incrementAndGet();
        repository = local.repository(local.createTable(function));
    }

    CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--function";
        all[args.length + 1] = function;
        return CommandRun.of(sessions, all);
    }

    CommandRun registerSeed(String id) {
        return run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                id,
                "--destination-region",
                "us-west-2",
                "--active",
                "true",
                "--parallel",
                "false",
                "--destination-role-arn",
                "arn:aws:iam::210987654321:role/" + id + "StreamWriter",
                "--destination",
                "arn:aws:kinesis:us-west-2:210987654321:stream/" + id + "Stream");
    }

    /** Registers {@code id} writing to {@code destination} through the class's shared role. */
    CommandRun register(String id, String destination) {
        return run(
                "register",
                "kinesis",
                "--source-arn",
                SOURCE,
                "--id",
                id,
                "--destination",
                destination,
                "--destination-role-arn",
                "arn:aws:iam::123456789012:role/classStreamWriter");
    }
}
