using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Scheduler;
using Tessera.Master.Tests.Harness;
using Tessera.Master.Tests.Scheduler;

namespace Tessera.Agent.Tests;

/// <summary>Waits the executor tests share: a task's state, a framework message.</summary>
internal static class SchedulerWaits
{
    /// <summary>Updates of the task, each acknowledged, until one in <paramref name="state"/>; an earlier terminal state fails the test.</summary>
    public static async Task<MesosTaskStatus> UntilAsync(this TestScheduler scheduler, string taskId, TaskState state, TimeSpan timeout)
    {
        while (true)
        {
            var status = await scheduler.NextUpdateAsync(taskId, timeout);
            if (status.Uuid is not null) await scheduler.CallAsync(Calls.Acknowledge(status));
            if (status.State == state) return status;
            Assert.False(TaskStates.IsTerminal(status.State), $"task {taskId} ended {status.State} ({status.Reason}: {status.Message}) while waiting for {state}");
        }
    }

    /// <summary>A MESSAGE event with this text (already received while waiting for something else, or still to come).</summary>
    public static async Task<MessageEvent> MessageAsync(this TestScheduler scheduler, string text)
    {
        bool Match(SchedulerEvent e) => e.Type == SchedulerEventType.MESSAGE && e.Message!.Data.ToUtf8String() == text;
        if (scheduler.Received.FirstOrDefault(Match) is { } seen) return seen.Message!;
        while (true)
        {
            var evt = await scheduler.NextAsync(SchedulerEventType.MESSAGE, TimeSpan.FromSeconds(20));
            if (Match(evt)) return evt.Message!;
        }
    }
}
