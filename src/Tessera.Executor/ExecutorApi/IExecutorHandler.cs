using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Executor.ExecutorApi;

/// <summary>What an executor does with the agent's events; <see cref="ExecutorDriver"/> calls it from its read loop.</summary>
public interface IExecutorHandler
{
    /// <summary>SUBSCRIBED (also after a resubscription).</summary>
    void Subscribed(ExecutorSubscribedEvent subscribed);

    /// <summary>LAUNCH of one task.</summary>
    void Launch(TaskInfo task);

    /// <summary>KILL of a task.</summary>
    void Kill(TaskID taskId);

    /// <summary>SHUTDOWN: kill every task, then end.</summary>
    void Shutdown();
}
