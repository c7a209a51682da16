package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.util.List;
import java.util.Map;

/**
 * The small reads status makes besides metrics. AWS failures propagate as they are; the service
 * turns them into the snapshot's problems.
 */
interface StatusReads {
    /** The account the session runs in. */
    String account();

    /** The function's configuration, or {@link FunctionFacts#missing} when there is none. */
    FunctionFacts function(String functionName);

    /**
     * The Kinesis streams hooked to the function (every page); empty when it does not exist. A
     * failure to list them is already the leader's message (naming the call), not an SDK error.
     */
    List<String> kinesisHooks(String functionName);

    /** The source's rows of the targets table (every page). */
    List<Mapping> mappings(String table, String sourceArn);

    /** The forwarder's last error per destination of the source. */
    Map<String, LastError> lastErrors(String table, String sourceArn);

    /** The forwarder's cursors of every shard of the source (who is behind, and how far). */
    List<ShardCursors> cursors(String table, String sourceArn);
}
