package fanout.selfreg;

import java.util.concurrent.Executor;

/**
 * Serves a request after its "checking" answer went out. On Lambda nothing may run after the answer
 * (the container is frozen), so the function invokes itself asynchronously ({@link SelfInvoke}); a
 * long-running process such as the sandbox simply goes on in-process.
 */
public interface Continuation {
    /**
     * @param here serves the command in this process, for continuations that run in-process
     */
    void later(SlackCommand command, Runnable here);

    static Continuation inProcess(Executor executor) {
        return (command, here) -> executor.execute(here);
    }
}
