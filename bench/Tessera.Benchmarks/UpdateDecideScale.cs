using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Tessera.Jobs;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Updates;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>update-decide [--instances 10000] [--batch 50] [--rounds 51]</c>: <see cref="UpdateEvaluator.Decide"/>
/// on one job of N RUNNING instances (pure): the first decision (the first batch of B kills), then a
/// tick in the middle of a batch (B new tasks RUNNING inside their 30 s watch: nothing to do, every
/// in-progress instance judged). Prints the median of each over R rounds.
/// </summary>
internal static class UpdateDecideScale
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = new BenchArgs(args);
        var instances = options.Int("--instances", 10_000);
        var batch = options.Int("--batch", 50);
        var rounds = options.Int("--rounds", 51);
        var now = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        var key = new JobKey("bench", "www-data", "prod", "web");
        var old = new JobSpec(key, instances,
            TaskSpec.Simple(key, 0, new TaskResources(0.1, 32, 10), isService: true) with { Command = "sleep 600" });
        var tasks = Enumerable.Range(0, instances).Select(i => Running(old.Instance(i), $"old-{i}", now)).ToList();
        var settings = new UpdateSettings(UpdateStrategy.Batch, [batch], WatchSecs: 30);
        var request = new UpdateRequest("bench", old with { Template = old.Template with { Command = "sleep 601" } },
            settings, null, now);
        var update = ((StartResult.Started)UpdateStarter.Start(request, old, tasks)).Update;

        var first = Median(rounds, () => UpdateEvaluator.Decide(update, tasks, now + TimeSpan.FromSeconds(1)),
            out var decision);
        var byId = tasks.ToDictionary(t => t.TaskId);
        foreach (var action in decision.Actions.OfType<UpdateAction.Kill>())
        {
            byId[action.TaskId] =
                TaskStateMachine.Transition(byId[action.TaskId], ScheduleStatus.KILLED, now, "killed").Task;
        }
        var next = decision.Next;
        var created = decision.Actions.OfType<UpdateAction.Kill>()
            .Select(k => Running(next.Desired(k.Instance)!, $"new-{k.Instance}", now + TimeSpan.FromSeconds(2)));
        List<ScheduledTask> during = [.. byId.Values, .. created];
        var tick = Median(rounds, () => UpdateEvaluator.Decide(next, during, now + TimeSpan.FromSeconds(10)),
            out var idle);
        if (!idle.Actions.IsEmpty || !ReferenceEquals(idle.Next, next))
            throw new InvalidOperationException("the mid-batch tick should change nothing");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"update decide: instances={instances} batch={batch} first-batch ms={first:0.000} "
            + $"({decision.Actions.Length} actions) mid-batch-tick ms={tick:0.000}"));
        return 0;
    }

    private static ScheduledTask Running(TaskSpec spec, string id, DateTimeOffset at)
    {
        var task = ReschedulePolicy.Initial(id, spec, at);
        task = ((TransitionResult.Changed)TaskStateMachine.Assign(task, "agent", "agent.example",
            ImmutableSortedDictionary<string, int>.Empty, at)).Task;
        task = ((TransitionResult.Changed)TaskStateMachine.Transition(task, ScheduleStatus.STARTING, at, "")).Task;
        return ((TransitionResult.Changed)TaskStateMachine.Transition(task, ScheduleStatus.RUNNING, at, "")).Task;
    }

    private static double Median(int rounds, Func<UpdateDecision> decide, out UpdateDecision last)
    {
        var times = new List<double>();
        last = decide();
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            last = decide();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
