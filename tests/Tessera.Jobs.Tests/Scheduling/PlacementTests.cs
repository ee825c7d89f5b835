using Tessera.Jobs.Scheduling;
using static Tessera.Jobs.Tests.Scheduling.Fixtures;

namespace Tessera.Jobs.Tests.Scheduling;

public sealed class PlacementTests
{
    private static PlacementPlan Decide(ScheduledTask[] tasks, PlacementOffer[] offers, PlacedTask[]? placed = null) =>
        Placement.Decide(tasks, offers, placed ?? [], T0);

    private static PendingReason[] Reasons(PlacementPlan plan, ScheduledTask task) => [.. plan.Pending[task.TaskId]];

    [Fact]
    public void PlacesATaskThatFitsAndPicksItsPorts()
    {
        var task = Pending(Spec(ports: ["http", "health", "http"]));
        var plan = Decide([task], [Offer("a1", ports: [new PortRange(31000, 31000), new PortRange(31005, 31010)])]);

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal(task.TaskId, assignment.TaskId);
        Assert.Equal("offer-a1", assignment.OfferId);
        Assert.Equal("a1.example", assignment.Hostname);
        Assert.Equal(31000, assignment.Ports["http"]);
        Assert.Equal(31005, assignment.Ports["health"]);
        Assert.Empty(plan.Pending);
    }

    [Fact]
    public void NoOffers()
    {
        var task = Pending(Spec());
        var plan = Decide([task], []);
        Assert.Equal([new NoOffers()], Reasons(plan, task));
        Assert.Equal("no offers", plan.Describe(task.TaskId));
    }

    [Fact]
    public void InsufficientRamWithTheBestAgent()
    {
        var task = Pending(Spec(ram: 2048));
        var plan = Decide([task], [Offer("a1", ram: 512), Offer("a2", ram: 1024), Offer("a3", ram: 1000)]);

        Assert.Equal([new InsufficientResource("ram", 2048, 1024, "MB", 3, 3)], Reasons(plan, task));
        Assert.Equal("insufficient ram: asks 2048 MB, best agent has 1024 free", plan.Describe(task.TaskId));
    }

    [Fact]
    public void EachResourceIsChecked()
    {
        var task = Pending(Spec(cpus: 2, ram: 100, disk: 4096, gpus: 1, ports: ["a", "b", "c"]));
        var plan = Decide([task], [Offer("a1", cpus: 0.5, disk: 1024, gpus: 0, ports: [new PortRange(1, 1)])]);

        Assert.Equal(
            [
                "insufficient cpus: asks 2 cpus, best agent has 0.5 free",
                "insufficient disk: asks 4096 MB, best agent has 1024 free",
                "insufficient gpus: asks 1 gpus, best agent has 0 free",
                "insufficient ports: asks 3 ports, best agent has 1 free",
            ],
            Reasons(plan, task).Select(r => r.Describe()));
    }

    [Fact]
    public void ShortOnSomeAgentsSaysHowMany()
    {
        var task = Pending(Spec(cpus: 2, ram: 2048));
        var plan = Decide([task], [Offer("a1", cpus: 1, ram: 4096), Offer("a2", cpus: 4, ram: 1024)]);
        Assert.Equal(
            [
                "insufficient cpus on 1 of 2 agents: asks 2 cpus, best of them has 1 free",
                "insufficient ram on 1 of 2 agents: asks 2048 MB, best of them has 1024 free",
            ],
            Reasons(plan, task).Select(r => r.Describe()));
    }

    [Fact]
    public void TasksShareAnOfferUntilItIsFull()
    {
        var job = Job();
        var tasks = Enumerable.Range(0, 3)
            .Select(i => Pending(Spec(job, i, cpus: 1, ram: 1024, constraints: Map(("host", "limit:10")))))
            .ToArray();
        var plan = Decide(tasks, [Offer("a1", cpus: 2, ram: 4096)]);

        Assert.Equal(["web-0", "web-1"], plan.Assignments.Select(a => a.TaskId));
        Assert.Equal("insufficient cpus: asks 1 cpus, best agent has 0 free", plan.Describe("web-2"));
    }

    [Fact]
    public void ValueConstraintKeepsListedValues()
    {
        var task = Pending(Spec(constraints: Map(("zone", "east,west"))));
        var offers = new[]
        {
            Offer("a1", attributes: Map(("zone", "north"))),
            Offer("a2"),
            Offer("a3", attributes: Map(("zone", "west"))),
        };
        var plan = Decide([task], offers);
        Assert.Equal("a3", Assert.Single(plan.Assignments).AgentId);

        var onlyBad = Decide([task], offers[..2]);
        Assert.Equal([new ConstraintMismatch("zone", "east,west", 2)], Reasons(onlyBad, task));
        Assert.Equal("constraint zone east,west excludes 2 agents", onlyBad.Describe(task.TaskId));
    }

    [Fact]
    public void NegatedConstraintExcludesValuesAndAllowsAgentsWithoutTheAttribute()
    {
        var task = Pending(Spec(constraints: Map(("os", "!centos6"))));
        var bad = Decide([task], [Offer("a1", attributes: Map(("os", "centos6")))]);
        Assert.Equal("constraint os !centos6 excludes 1 agent", bad.Describe(task.TaskId));

        var good = Decide([task], [Offer("a1", attributes: Map(("os", "centos6"))), Offer("a2")]);
        Assert.Equal("a2", Assert.Single(good.Assignments).AgentId);
    }

    [Fact]
    public void LimitCountsActiveTasksOfTheJobPerAttributeValue()
    {
        var job = Job();
        var constraints = Map(("rack", "limit:1"));
        var r1a = Offer("a1", attributes: Map(("rack", "r1")));
        var r1b = Offer("a2", attributes: Map(("rack", "r1")));
        var r2 = Offer("a3", attributes: Map(("rack", "r2")));
        var noRack = Offer("a4");
        var task = Pending(Spec(job, 1, constraints: constraints));

        // Instance 0 already runs on rack r1; another job's task on r2 doesn't count.
        var placed = new[] { Placed(job, r1a), Placed(Job("other"), r2) };
        var plan = Decide([task], [r1a, r1b, r2, noRack], placed);
        Assert.Equal("a3", Assert.Single(plan.Assignments).AgentId);

        var full = Decide([task], [r1a, r1b, noRack], placed);
        Assert.Equal([new ConstraintMismatch("rack", "limit:1", 3)], Reasons(full, task));
        Assert.Equal("constraint rack limit:1 excludes 3 agents", full.Describe(task.TaskId));
    }

    [Fact]
    public void LimitCountsTasksPlacedInTheSameRound()
    {
        var job = Job();
        var tasks = Enumerable.Range(0, 3).Select(i => Pending(Spec(job, i, constraints: Map(("rack", "limit:1"), ("host", "limit:5"))))).ToArray();
        var offers = new[] { Offer("a1", attributes: Map(("rack", "r1"))), Offer("a2", attributes: Map(("rack", "r2"))) };

        var plan = Decide(tasks, offers);

        Assert.Equal(["a1", "a2"], plan.Assignments.Select(a => a.AgentId));
        Assert.Equal("constraint rack limit:1 excludes 2 agents", plan.Describe("web-2"));
    }

    [Fact]
    public void NoConstraintIsImpliedSoInstancesShareHostsWhenThereAreMoreThanHosts()
    {
        var job = Job();
        Assert.Empty(ConstraintParser.Parse(job, Map()).Constraints);

        var tasks = Enumerable.Range(0, 6).Select(i => Pending(Spec(job, i))).ToArray();
        var plan = Decide(tasks, [Offer("a1", cpus: 16, ram: 65536), Offer("a2", cpus: 16, ram: 65536), Offer("a3", cpus: 16, ram: 65536)]);

        Assert.Empty(plan.Pending);
        Assert.Equal(["a1", "a2", "a3", "a1", "a2", "a3"], plan.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void InstancesGoToTheHostWithFewestOfTheJobFirst()
    {
        var job = Job();
        var (a1, a2, a3) = (Offer("a1", cpus: 16, ram: 65536), Offer("a2", cpus: 16, ram: 65536), Offer("a3", cpus: 16, ram: 65536));
        // Two of the job run on a1 and one on a2; another job's tasks on a3 don't count.
        PlacedTask[] placed = [Placed(job, a1), Placed(job, a1), Placed(job, a2), Placed(Job("other"), a3), Placed(Job("other"), a3)];
        var tasks = Enumerable.Range(3, 3).Select(i => Pending(Spec(job, i))).ToArray();

        var plan = Decide(tasks, [a1, a2, a3], placed);

        Assert.Equal(["a3", "a2", "a3"], plan.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void HostsTheJobCannotUseDoNotStopTheSpreadOverTheOthers()
    {
        var job = Job();
        var offers = new[] { Offer("a1", cpus: 16, ram: 65536), Offer("a2", cpus: 16, ram: 65536, attributes: Map(("rack", "r9"))),
            Offer("a3", cpus: 16, ram: 65536) };
        var tasks = Enumerable.Range(0, 6).Select(i => Pending(Spec(job, i, constraints: Map(("rack", "!r9"))))).ToArray();

        var plan = Decide(tasks, offers);

        Assert.Equal(["a1", "a3", "a1", "a3", "a1", "a3"], plan.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void AFullHostIsNoReasonToWaitWhenAnotherHostHasRoom()
    {
        var job = Job();
        var small = Offer("a1", cpus: 1, ram: 1024);
        var busy = Offer("a2", cpus: 16, ram: 65536);
        var tasks = Enumerable.Range(0, 2).Select(i => Pending(Spec(job, i, cpus: 1, ram: 1024))).ToArray();

        var plan = Decide(tasks, [small, busy], [Placed(job, busy), Placed(job, busy)]);

        Assert.Equal(["a1", "a2"], plan.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void AHostLimitAllowsMore()
    {
        var job = Job();
        var tasks = Enumerable.Range(0, 3).Select(i => Pending(Spec(job, i, constraints: Map(("host", "limit:2"))))).ToArray();
        var plan = Decide(tasks, [Offer("a1", cpus: 16, ram: 65536)]);
        Assert.Equal(2, plan.Assignments.Length);
        Assert.Equal("constraint host limit:2 excludes 1 agent", plan.Describe("web-2"));
    }

    [Fact]
    public void HostLimitCountsRunningInstancesByHostname()
    {
        var job = Job();
        var a1 = Offer("a1");
        var limited = Map(("host", "limit:1"));
        var plan = Decide([Pending(Spec(job, 1, constraints: limited))], [a1], [Placed(job, a1)]);
        Assert.Equal("constraint host limit:1 excludes 1 agent", plan.Describe("web-1"));
        Assert.Empty(Decide([Pending(Spec(job, 1, constraints: limited))], [a1], [Placed(Job("other"), a1)]).Pending);
    }

    [Fact]
    public void DedicatedAgentsTakeOnlyMatchingJobs()
    {
        var redis = Job("redis", role: "db_team");
        var dedicated = Offer("a1", attributes: Map(("dedicated", "db_team/redis")));
        var shared = Offer("a2");

        var matching = Pending(Spec(redis, constraints: Map(("dedicated", "db_team/redis"))));
        Assert.Equal("a1", Assert.Single(Decide([matching], [shared, dedicated]).Assignments).AgentId);

        var other = Pending(Spec(Job("web"), constraints: Map()));
        var plan = Decide([other], [dedicated]);
        Assert.Equal([new DedicatedToOthers(1)], Reasons(plan, other));
        Assert.Equal("1 agent is dedicated to other jobs", plan.Describe(other.TaskId));
        Assert.Equal("a2", Assert.Single(Decide([other], [dedicated, shared]).Assignments).AgentId);

        var noDedicatedHost = Decide([matching], [shared]);
        Assert.Equal("constraint dedicated db_team/redis excludes 1 agent", noDedicatedHost.Describe(matching.TaskId));
    }

    [Fact]
    public void DedicatedWildcardRole()
    {
        var task = Pending(Spec(Job("hello", role: "vagrant"), constraints: Map(("dedicated", "*/web.multi"))));
        var plan = Decide([task], [Offer("a1", attributes: Map(("dedicated", "*/web.multi")))]);
        Assert.Single(plan.Assignments);
    }

    [Theory]
    [InlineData("dedicated", "other_team/redis", "the role before '/' must be the job's role 'www-data' or '*'")]
    [InlineData("dedicated", "www-data/a,www-data/b", "dedicated takes exactly one value")]
    [InlineData("rack", "limit:0", "limit:N needs a whole number N of at least 1")]
    [InlineData("rack", "limit:x", "limit:N needs a whole number N of at least 1")]
    [InlineData("rack", "a,,b", "each of the comma-separated values must be non-empty")]
    [InlineData("rack", " ", "the value must not be empty")]
    public void InvalidConstraintsKeepTheTaskPendingWithTheRule(string attribute, string value, string problem)
    {
        var task = Pending(Spec(constraints: Map((attribute, value))));
        var plan = Decide([task], [Offer("a1")]);
        var reason = Assert.IsType<InvalidConstraint>(Assert.Single(Reasons(plan, task)));
        Assert.Contains(problem, reason.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"constraint {attribute} '", reason.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThrottledTasksWaitAndSayUntilWhen()
    {
        var created = ScheduledTask.Create("t1", Spec(), T0);
        var throttled = TaskStateMachine.Throttle(created, new DateTimeOffset(2024, 5, 1, 12, 3, 10, TimeSpan.Zero), T0, "flapped").Task;

        var plan = Placement.Decide([throttled], [Offer("a1")], [], T0);
        Assert.Equal("throttled for flapping until 12:03:10", plan.Describe("t1"));

        var later = Placement.Decide([throttled], [Offer("a1")], [], T0.AddMinutes(4));
        Assert.Single(later.Assignments);
    }

    [Fact]
    public void HigherPriorityPlacesFirst()
    {
        var low = Pending(Spec(Job("a-low"), priority: 0));
        var high = Pending(Spec(Job("z-high"), priority: 5));
        var plan = Decide([low, high], [Offer("a1", cpus: 1)]);
        Assert.Equal(high.TaskId, Assert.Single(plan.Assignments).TaskId);
        Assert.Equal("insufficient cpus: asks 1 cpus, best agent has 0 free", plan.Describe(low.TaskId));
    }

    [Fact]
    public void InstancesSpreadOverAgents()
    {
        var job = Job();
        var tasks = Enumerable.Range(0, 4).Select(i => Pending(Spec(job, i, cpus: 0.1, ram: 10, disk: 10, constraints: Map(("host", "limit:4"))))).ToArray();
        var plan = Decide(tasks, [Offer("a1"), Offer("a2"), Offer("a3"), Offer("a4")]);
        Assert.Equal(["a1", "a2", "a3", "a4"], plan.Assignments.Select(a => a.AgentId));
    }

    [Fact]
    public void SameInputSamePlanWhateverTheInputOrder()
    {
        var random = new Random(7);
        var tasks = Enumerable.Range(0, 50)
            .Select(i => Pending(Spec(Job($"j{i % 5}"), i, cpus: 0.5 + i % 3, ram: 256 * (1 + i % 4), ports: i % 2 == 0 ? ["http"] : [])))
            .ToArray();
        var offers = Enumerable.Range(0, 10).Select(i => Offer($"a{i:00}", cpus: 4, ram: 4096)).ToArray();

        var first = Placement.Decide(tasks, offers, [], T0);
        for (var round = 0; round < 5; round++)
        {
            var again = Placement.Decide(
                tasks.OrderBy(_ => random.Next()).ToArray(), offers.OrderBy(_ => random.Next()).ToArray(), [], T0);
            Assert.Equal(first.Assignments.Select(Format), again.Assignments.Select(Format));
            Assert.Equal(first.Pending.Keys, again.Pending.Keys);
            Assert.Equal(first.Pending.Values.SelectMany(r => r), again.Pending.Values.SelectMany(r => r));
        }

        static string Format(TaskAssignment a) => $"{a.TaskId}@{a.OfferId}:{string.Join(",", a.Ports.Select(p => $"{p.Key}={p.Value}"))}";
    }
}
