using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Executor;

namespace Tessera.Agent.Executors;

/// <summary>Builders for the events of the executor stream, in the Mesos v1 shapes.</summary>
internal static class ExecutorEvents
{
    public static ExecutorEvent Subscribed(ExecutorInfo executor, FrameworkInfo framework, AgentInfo agent, string containerId) => new()
    {
        Type = ExecutorEventType.SUBSCRIBED,
        Subscribed = new ExecutorSubscribedEvent { ExecutorInfo = executor, FrameworkInfo = framework, AgentInfo = agent, ContainerId = ContainerID.Of(containerId) },
    };

    public static ExecutorEvent Launch(QueuedLaunch launch) => launch.IsGroup
        ? new() { Type = ExecutorEventType.LAUNCH_GROUP, LaunchGroup = new ExecutorLaunchGroupEvent { TaskGroup = new TaskGroupInfo { Tasks = launch.Tasks } } }
        : new() { Type = ExecutorEventType.LAUNCH, Launch = new ExecutorLaunchEvent { Task = launch.Tasks[0] } };

    public static ExecutorEvent Kill(TaskID task, KillPolicy? policy) =>
        new() { Type = ExecutorEventType.KILL, Kill = new ExecutorKillEvent { TaskId = task, KillPolicy = policy } };

    public static ExecutorEvent Acknowledged(string task, ByteString uuid) =>
        new() { Type = ExecutorEventType.ACKNOWLEDGED, Acknowledged = new ExecutorAcknowledgedEvent { TaskId = TaskID.Of(task), Uuid = uuid } };

    public static ExecutorEvent Message(ByteString data) =>
        new() { Type = ExecutorEventType.MESSAGE, Message = new ExecutorMessageEvent { Data = data } };

    public static ExecutorEvent Shutdown() => new() { Type = ExecutorEventType.SHUTDOWN };

    public static ExecutorEvent Error(string message) =>
        new() { Type = ExecutorEventType.ERROR, Error = new ExecutorErrorEvent { Message = message } };
}
