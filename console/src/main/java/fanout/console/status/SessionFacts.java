package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.util.List;
import java.util.Map;

/**
 * Status reads with the facts that do not change during a class (the account, a settled function's
 * configuration, its hooks) read once and kept until {@link #forget}: a dashboard refresh then
 * costs only the table reads and the metrics. What may still change soon (a missing or settling
 * function, no hook yet) is read again every time.
 */
final class SessionFacts implements StatusReads {
    private final StatusReads reads;
    private volatile String account;
    private volatile FunctionFacts function;
    private volatile List<String> hooks;

    SessionFacts(StatusReads reads) {
        this.reads = reads;
    }

    /** The next refresh reads everything again (the dashboard's {@code r}). */
    void forget() {
        account = null;
        function = null;
        hooks = null;
    }

    @Override
    public String account() {
        String known = account;
        if (known == null) {
            known = reads.account();
            account = known;
        }
        return known;
    }

    @Override
    public FunctionFacts function(String functionName) {
        FunctionFacts known = function;
        if (known != null && known.functionName().equals(functionName)) {
            return known;
        }
        FunctionFacts read = reads.function(functionName);
        if (read.found() && read.condition().note() == null) {
            function = read;
        }
        return read;
    }

    @Override
    public List<String> kinesisHooks(String functionName) {
        List<String> known = hooks;
        if (known != null) {
            return known;
        }
        List<String> read = reads.kinesisHooks(functionName);
        if (!read.isEmpty()) {
            hooks = List.copyOf(read);
        }
        return read;
    }

    @Override
    public List<Mapping> mappings(String table, String sourceArn) {
        return reads.mappings(table, sourceArn);
    }

    @Override
    public Map<String, LastError> lastErrors(String table, String sourceArn) {
        return reads.lastErrors(table, sourceArn);
    }

    @Override
    public List<ShardCursors> cursors(String table, String sourceArn) {
        return reads.cursors(table, sourceArn);
    }
}
