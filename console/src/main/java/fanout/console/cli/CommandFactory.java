package fanout.console.cli;

import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands as picocli would, and gives each {@link Invocation} mixin the run's session. */
final class CommandFactory implements IFactory {
    private final SessionScope scope;

    CommandFactory(SessionScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == Invocation.class) {
            return type.cast(new Invocation(scope));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
