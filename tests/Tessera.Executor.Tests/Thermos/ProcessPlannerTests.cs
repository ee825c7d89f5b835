using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

/// <summary>The Thermos rules on a fake clock: snapshots in, plans out, no processes.</summary>
public sealed class ProcessPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ThermosProcess P(string name, int maxFailures = 1, bool daemon = false, bool ephemeral = false, bool final = false, double minDuration = 5) =>
        new() { Name = name, Cmdline = "true", MaxFailures = maxFailures, Daemon = daemon, Ephemeral = ephemeral, Final = final, MinDuration = TimeSpan.FromSeconds(minDuration) };

    private static ThermosTask Task(IReadOnlyList<ThermosProcess> processes, IReadOnlyList<IReadOnlyList<string>>? order = null, int maxFailures = 1, int maxConcurrency = 0, double finalizationWait = 30) =>
        new() { Name = "t", Processes = processes, Constraints = order ?? [], MaxFailures = maxFailures, MaxConcurrency = maxConcurrency, FinalizationWait = TimeSpan.FromSeconds(finalizationWait) };

    private static IReadOnlyList<string> Starts(Plan plan) => [.. plan.Actions.OfType<StartProcess>().Select(a => a.Name)];

    /// <summary>Decides, applies phase changes and starts (pid 100+), until the plan has nothing left but waiting.</summary>
    private static (TaskSnapshot Snapshot, Plan Plan) Step(TaskSnapshot s, DateTimeOffset now)
    {
        while (true)
        {
            var plan = ProcessPlanner.Decide(s, now);
            var phase = plan.Actions.FirstOrDefault(a => a is BeginTeardown or BeginFinalizing or EndTask);
            foreach (var a in plan.Actions)
            {
                s = a switch
                {
                    StartProcess p => s.Started(p.Name, 100, now),
                    TerminateProcess t => s.Terminated(t.Name, now),
                    KillProcess k => s.Killed(k.Name),
                    _ => s.Apply(a, now),
                };
            }

            if (phase is null || s.Phase == TaskPhase.Ended) return (s, plan);
        }
    }

    [Fact]
    public void Unordered_processes_all_start_at_once()
    {
        var plan = ProcessPlanner.Decide(TaskSnapshot.Initial(Task([P("a"), P("b"), P("c")])), T0);
        Assert.Equal(["a", "b", "c"], Starts(plan));
    }

    [Fact]
    public void Ordering_starts_a_process_only_after_all_before_it_succeeded()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b"), P("c")], [["a", "b"], ["c", "b"]]));
        Assert.Equal(["a", "c"], Starts(ProcessPlanner.Decide(s, T0)));
        s = s.Started("a", 1, T0).Started("c", 2, T0).Exited("a", 0, T0.AddSeconds(1));
        Assert.Empty(Starts(ProcessPlanner.Decide(s, T0.AddSeconds(1))));
        s = s.Exited("c", 0, T0.AddSeconds(2));
        Assert.Equal(["b"], Starts(ProcessPlanner.Decide(s, T0.AddSeconds(2))));
    }

    [Fact]
    public void A_failed_run_is_retried_until_max_failures_then_the_task_fails_naming_the_process()
    {
        var s = TaskSnapshot.Initial(Task([P("a", maxFailures: 2, minDuration: 0)])).Started("a", 1, T0).Exited("a", 1, T0.AddSeconds(1));
        Assert.Equal(ProcessStatus.Waiting, s["a"].Status);
        Assert.Equal(["a"], Starts(ProcessPlanner.Decide(s, T0.AddSeconds(1))));
        s = s.Started("a", 2, T0.AddSeconds(1)).Exited("a", 3, T0.AddSeconds(2));
        Assert.Equal(ProcessStatus.Failed, s["a"].Status);
        var teardown = Assert.IsType<BeginTeardown>(Assert.Single(ProcessPlanner.Decide(s, T0.AddSeconds(2)).Actions));
        Assert.Equal(TaskOutcome.Failed, teardown.Outcome);
        Assert.Contains("'a'", teardown.Message);
        Assert.Contains("exit status 3", teardown.Message);
    }

    [Fact]
    public void Max_failures_zero_retries_forever()
    {
        var s = TaskSnapshot.Initial(Task([P("a", maxFailures: 0, minDuration: 0)]));
        for (var i = 0; i < 50; i++) s = s.Started("a", i, T0).Exited("a", 1, T0);
        Assert.Equal(ProcessStatus.Waiting, s["a"].Status);
        Assert.Equal(["a"], Starts(ProcessPlanner.Decide(s, T0)));
    }

    [Fact]
    public void A_short_run_counts_but_the_next_start_waits_until_min_duration_since_the_last_start()
    {
        var s = TaskSnapshot.Initial(Task([P("a", maxFailures: 3, minDuration: 10)])).Started("a", 1, T0).Exited("a", 1, T0.AddSeconds(2));
        Assert.Equal(1, s["a"].Failures);
        var plan = ProcessPlanner.Decide(s, T0.AddSeconds(2));
        Assert.Empty(plan.Actions);
        Assert.Equal(T0.AddSeconds(10), plan.WakeAt);
        Assert.Empty(Starts(ProcessPlanner.Decide(s, T0.AddSeconds(9.9))));
        Assert.Equal(["a"], Starts(ProcessPlanner.Decide(s, T0.AddSeconds(10))));
    }

    [Fact]
    public void A_daemon_runs_again_after_success_and_its_failures_still_count()
    {
        var s = TaskSnapshot.Initial(Task([P("d", maxFailures: 2, daemon: true, minDuration: 0)]));
        s = s.Started("d", 1, T0).Exited("d", 0, T0.AddSeconds(1));
        Assert.Equal(ProcessStatus.Waiting, s["d"].Status);
        Assert.Equal(["d"], Starts(ProcessPlanner.Decide(s, T0.AddSeconds(1))));
        s = s.Started("d", 2, T0.AddSeconds(1)).Exited("d", 1, T0.AddSeconds(2)).Started("d", 3, T0.AddSeconds(2)).Exited("d", 0, T0.AddSeconds(3));
        Assert.Equal(ProcessStatus.Waiting, s["d"].Status);
        s = s.Started("d", 4, T0.AddSeconds(3)).Exited("d", 1, T0.AddSeconds(4));
        Assert.Equal(ProcessStatus.Failed, s["d"].Status);
    }

    [Fact]
    public void Ephemeral_processes_need_not_finish_and_are_terminated_in_cleaning()
    {
        var s = TaskSnapshot.Initial(Task([P("main"), P("side", ephemeral: true)]));
        (s, _) = Step(s, T0);
        s = s.Exited("main", 0, T0.AddSeconds(1));
        var (after, plan) = Step(s, T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Cleaning, after.Phase);
        Assert.Equal(TaskOutcome.Succeeded, after.Outcome);
        Assert.Equal([new TerminateProcess("side")], plan.Actions);
    }

    [Fact]
    public void An_ephemeral_process_that_uses_up_its_failures_does_not_fail_the_task()
    {
        var s = TaskSnapshot.Initial(Task([P("main"), P("side", ephemeral: true)]));
        (s, _) = Step(s, T0);
        s = s.Exited("side", 1, T0.AddSeconds(1));
        Assert.Equal(ProcessStatus.Failed, s["side"].Status);
        var (after, _) = Step(s, T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Active, after.Phase);
        (after, _) = Step(after.Exited("main", 0, T0.AddSeconds(2)), T0.AddSeconds(2));
        Assert.Equal(TaskPhase.Ended, after.Phase);
        Assert.Equal(TaskOutcome.Succeeded, after.Outcome);
    }

    [Fact]
    public void Final_processes_run_after_the_regular_ones_in_their_own_order()
    {
        var s = TaskSnapshot.Initial(Task([P("main"), P("f1", final: true), P("f2", final: true)], [["f2", "f1"]]));
        var (s1, plan) = Step(s, T0);
        Assert.Equal(["main"], Starts(plan));
        (s1, plan) = Step(s1.Exited("main", 0, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Finalizing, s1.Phase);
        Assert.Equal(["f2"], Starts(plan));
        (s1, plan) = Step(s1.Exited("f2", 0, T0.AddSeconds(2)), T0.AddSeconds(2));
        Assert.Equal(["f1"], Starts(plan));
        (s1, _) = Step(s1.Exited("f1", 0, T0.AddSeconds(3)), T0.AddSeconds(3));
        Assert.Equal(TaskPhase.Ended, s1.Phase);
        Assert.Equal(TaskOutcome.Succeeded, s1.Outcome);
    }

    [Fact]
    public void Max_concurrency_caps_how_many_run_at_once()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b"), P("c")], maxConcurrency: 2));
        var (s1, plan) = Step(s, T0);
        Assert.Equal(["a", "b"], Starts(plan));
        (_, plan) = Step(s1.Exited("a", 0, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(["c"], Starts(plan));
    }

    [Fact]
    public void Task_max_failures_counts_processes_failed_for_good()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b"), P("c")], maxFailures: 2));
        (s, _) = Step(s, T0);
        (s, _) = Step(s.Exited("a", 1, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Active, s.Phase);
        (s, _) = Step(s.Exited("b", 1, T0.AddSeconds(2)), T0.AddSeconds(2));
        Assert.Equal(TaskPhase.Cleaning, s.Phase);
        Assert.Equal(TaskOutcome.Failed, s.Outcome);
        Assert.Contains("'a'", s.Message);
        Assert.Contains("'b'", s.Message);
    }

    [Fact]
    public void One_failure_within_task_max_failures_still_succeeds()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b")], maxFailures: 2));
        (s, _) = Step(s, T0);
        (s, _) = Step(s.Exited("a", 1, T0.AddSeconds(1)).Exited("b", 0, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Ended, s.Phase);
        Assert.Equal(TaskOutcome.Succeeded, s.Outcome);
    }

    [Fact]
    public void A_process_waiting_for_one_that_failed_for_good_deadlocks_the_task()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b")], [["a", "b"]], maxFailures: 2));
        (s, _) = Step(s, T0);
        (s, _) = Step(s.Exited("a", 1, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(TaskOutcome.Failed, s.Outcome);
        Assert.Contains("deadlocked", s.Message);
    }

    [Fact]
    public void Teardown_terminates_then_kills_then_runs_finals_then_ends_killed()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("b"), P("f", final: true)], finalizationWait: 30));
        (s, _) = Step(s, T0);
        var (s1, plan) = Step(s.KillRequest(), T0.AddSeconds(1));
        Assert.Equal(TaskPhase.Cleaning, s1.Phase);
        Assert.Equal([new TerminateProcess("a"), new TerminateProcess("b")], plan.Actions);
        Assert.Equal(T0.AddSeconds(1) + ProcessPlanner.TerminateGrace, plan.WakeAt);

        s1 = s1.Exited("a", 143, T0.AddSeconds(2));
        Assert.Equal(ProcessStatus.Killed, s1["a"].Status);
        (s1, plan) = Step(s1, T0.AddSeconds(1) + ProcessPlanner.TerminateGrace);
        Assert.Equal([new KillProcess("b")], plan.Actions);

        (s1, plan) = Step(s1.Exited("b", 137, T0.AddSeconds(7)), T0.AddSeconds(7));
        Assert.Equal(TaskPhase.Finalizing, s1.Phase);
        Assert.Equal(["f"], Starts(plan));
        (s1, _) = Step(s1.Exited("f", 0, T0.AddSeconds(8)), T0.AddSeconds(8));
        Assert.Equal(TaskPhase.Ended, s1.Phase);
        Assert.Equal(TaskOutcome.Killed, s1.Outcome);
    }

    [Fact]
    public void Finals_still_running_at_the_finalization_deadline_are_killed()
    {
        var s = TaskSnapshot.Initial(Task([P("a"), P("f", final: true)], finalizationWait: 10));
        (s, _) = Step(s, T0);
        (s, var plan) = Step(s.Exited("a", 0, T0.AddSeconds(1)), T0.AddSeconds(1));
        Assert.Equal(["f"], Starts(plan));
        Assert.Equal(T0.AddSeconds(11), plan.WakeAt);
        (s, plan) = Step(s, T0.AddSeconds(11));
        Assert.Equal([new KillProcess("f")], plan.Actions);
        (s, _) = Step(s.Exited("f", 137, T0.AddSeconds(11)), T0.AddSeconds(11));
        Assert.Equal(TaskPhase.Ended, s.Phase);
        Assert.Equal(ProcessStatus.Killed, s["f"].Status);
    }

    [Fact]
    public void A_daemon_terminated_in_cleaning_is_killed_not_restarted()
    {
        var s = TaskSnapshot.Initial(Task([P("main"), P("d", daemon: true, ephemeral: true, minDuration: 0)]));
        (s, _) = Step(s, T0);
        (s, _) = Step(s.Exited("main", 0, T0.AddSeconds(1)), T0.AddSeconds(1));
        (s, _) = Step(s.Exited("d", 0, T0.AddSeconds(2)), T0.AddSeconds(2));
        Assert.Equal(ProcessStatus.Killed, s["d"].Status);
        Assert.Equal(TaskPhase.Ended, s.Phase);
        Assert.Equal(TaskOutcome.Succeeded, s.Outcome);
    }
}
