using System.Collections.Immutable;
using System.Text.Json;
using Tessera.Jobs.Api;
using Tessera.Jobs.Config;
using Tessera.Jobs.Scheduling;

namespace Tessera.Jobs.Tests.Diff;

public sealed class JobDiffTests
{
    private static readonly JobKey Key = new("devcluster", "www-data", "prod", "hello");

    private const string Task = """
        {"name":"hello","processes":[{"name":"install","cmdline":"echo a","max_failures":1},{"name":"serve","cmdline":"serve","max_failures":1}],
         "resources":{"cpu":0.1,"ram":67108864}}
        """;

    private static JobSpec Spec(int instances = 3, string? taskJson = Task, double cpus = 0.1, ImmutableSortedDictionary<string, string>? constraints = null) =>
        new(Key, instances, new TaskSpec(Key, 0, new TaskResources(cpus, 64, 64), ["http"],
            constraints ?? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("host", "limit:1"),
            IsService: true, Command: "echo a && serve", TaskJson: taskJson));

    [Fact]
    public void TheSameJobHasNoChanges()
    {
        var diff = JobDiff.Compute(Spec(), Spec());
        Assert.True(diff.Identical);
        Assert.Empty(diff.Changes);
        Assert.Empty(diff.Add);
        Assert.Empty(diff.Remove);
        Assert.Equal("devcluster/www-data/prod/hello", diff.Key);
    }

    [Fact]
    public void MoreInstancesAreAddedAfterTheLastAndFewerRemoveTheHighest()
    {
        var grow = JobDiff.Compute(Spec(instances: 3), Spec(instances: 5));
        Assert.Equal<int>([3, 4], grow.Add);
        Assert.Empty(grow.Remove);
        Assert.Equal((3, 5), (grow.Instances, grow.ProposedInstances));
        Assert.False(grow.Identical);
        Assert.Empty(grow.Changes);

        var shrink = JobDiff.Compute(Spec(instances: 5), Spec(instances: 2));
        Assert.Equal<int>([2, 3, 4], shrink.Remove);
        Assert.Empty(shrink.Add);
    }

    [Fact]
    public void TheExecutorTaskIsComparedAsJsonNotAsText()
    {
        // Other key order, other spacing, 0.10 for 0.1: the same task.
        const string same = """{ "resources": {"ram": 67108864, "cpu": 0.10}, "name": "hello", "processes": [{"cmdline":"echo a","name":"install","max_failures":1},{"name":"serve","max_failures":1,"cmdline":"serve"}] }""";
        Assert.True(JobDiff.Compute(Spec(), Spec(taskJson: same)).Identical);

        var changed = JobDiff.Compute(Spec(), Spec(taskJson: Task.Replace("echo a", "echo b", StringComparison.Ordinal)));
        var change = Assert.Single(changed.Changes);
        Assert.Equal("task.processes[0].cmdline", change.Path);
        Assert.Equal(FieldChangeKind.Changed, change.Kind);
        Assert.Equal("\"echo a\"", change.Old!.ToJsonString());
        Assert.Equal("\"echo b\"", change.New!.ToJsonString());
    }

    [Fact]
    public void AddedAndRemovedFieldsAndElementsAreNamed()
    {
        var proposed = Task
            .Replace("\"max_failures\":1},{\"name\":\"serve\"", "\"max_failures\":1,\"daemon\":true},{\"name\":\"serve\"", StringComparison.Ordinal)
            .Replace("\"max_failures\":1}],", "\"max_failures\":1},{\"name\":\"tail\",\"cmdline\":\"tail\"}],", StringComparison.Ordinal)
            .Replace(",\"ram\":67108864", "", StringComparison.Ordinal);
        var diff = JobDiff.Compute(Spec(), Spec(taskJson: proposed));
        Assert.Equal(
            ["task.processes[0].daemon Added", "task.processes[2] Added", "task.resources.ram Removed"],
            diff.Changes.Select(c => $"{c.Path} {c.Kind}"));
        Assert.Equal("""{"name":"tail","cmdline":"tail"}""", diff.Changes[1].New!.ToJsonString());
        Assert.Equal("67108864", diff.Changes[2].Old!.ToJsonString());
        Assert.Null(diff.Changes[2].New);
    }

    [Fact]
    public void TemplateFieldsOutsideTheTaskAreComparedToo()
    {
        var constraints = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal)
            .Add("host", "limit:2").Add("rack.id", "r1");
        var diff = JobDiff.Compute(Spec(), Spec(cpus: 0.5, constraints: constraints));
        Assert.Equal(
            ["resources.cpus: 0.1 -> 0.5", "constraints.host: \"limit:1\" -> \"limit:2\"", "constraints[\"rack.id\"]:  -> \"r1\""],
            diff.Changes.Select(c => $"{c.Path}: {c.Old?.ToJsonString()} -> {c.New?.ToJsonString()}"));
    }

    [Fact]
    public void TheTemplatesJobAndInstanceAreNotCompared()
    {
        var other = Spec() with { Template = Spec().Template with { Job = new JobKey("x", "y", "z", "w"), InstanceId = 7 } };
        Assert.True(JobDiff.Compute(Spec(), other).Identical);
    }

    [Fact]
    public void ATaskJsonThatIsNotJsonIsComparedAsText()
    {
        var diff = JobDiff.Compute(Spec(taskJson: "not json"), Spec(taskJson: "not json either"));
        var change = Assert.Single(diff.Changes);
        Assert.Equal("task_json", change.Path);

        var gained = JobDiff.Compute(Spec(taskJson: null), Spec());
        Assert.Equal(["task_json Removed", "task Added"], gained.Changes.Select(c => $"{c.Path} {c.Kind}"));
    }

    [Fact]
    public async Task TheExampleWithAnotherBindingDiffersOnlyInTheResolvedCmdlineAndCommand()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "jobs", "hello_world.aurora");
        var key = new JobKey("devcluster", "www-data", "devel", "hello_world");
        var stored = await AuroraConfigLoader.LoadAsync(path, new ConfigLoadOptions { Key = key }, CancellationToken.None);
        var source = (await File.ReadAllTextAsync(path)).Replace("greeting = 'hello world'", "greeting = 'hi'", StringComparison.Ordinal);
        var copy = Path.Combine(Path.GetTempPath(), $"hello-{Guid.NewGuid():N}.aurora");
        await File.WriteAllTextAsync(copy, source);
        try
        {
            var proposed = await AuroraConfigLoader.LoadAsync(copy, new ConfigLoadOptions { Key = key }, CancellationToken.None);
            Assert.True(stored.Ok && proposed.Ok, string.Join("\n", stored.Errors.Concat(proposed.Errors)));
            var diff = JobDiff.Compute(JobSpecMapping.ToSpec(stored.Job!), JobSpecMapping.ToSpec(proposed.Job!));
            Assert.Equal(["command", "task.processes[0].cmdline"], diff.Changes.Select(c => c.Path));
            Assert.Equal("echo \"hi from instance {{mesos.instance}}\" > index.html", diff.Changes[1].New!.GetValue<string>());
            // The answer goes out as the API's JSON and comes back the same.
            var json = JsonSerializer.Serialize(diff, JobsApiJsonContext.Default.JobDiff);
            var back = JsonSerializer.Deserialize(json, JobsApiJsonContext.Default.JobDiff)!;
            Assert.Equal(diff.Changes.Select(c => (c.Path, c.Kind, c.New?.ToJsonString())), back.Changes.Select(c => (c.Path, c.Kind, c.New?.ToJsonString())));
            Assert.Contains("\"kind\": \"Changed\"", json);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
