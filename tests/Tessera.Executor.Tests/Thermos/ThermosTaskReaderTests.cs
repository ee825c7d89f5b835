using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

public sealed class ThermosTaskReaderTests
{
    [Fact]
    public void Absent_fields_take_aurora_defaults()
    {
        var task = ThermosTaskReader.Parse("""{"processes": [{"name": "a", "cmdline": "echo a"}]}""");
        Assert.Equal("a", task.Name);
        var p = Assert.Single(task.Processes);
        Assert.Equal((1, false, false, TimeSpan.FromSeconds(5), false), (p.MaxFailures, p.Daemon, p.Ephemeral, p.MinDuration, p.Final));
        Assert.Equal((1, 0, TimeSpan.FromSeconds(30)), (task.MaxFailures, task.MaxConcurrency, task.FinalizationWait));
    }

    [Fact]
    public void Every_field_is_read_and_a_job_object_is_unwrapped()
    {
        var task = ThermosTaskReader.Parse("""
            {"task": {"name": "t", "processes": [
               {"name": "a", "cmdline": "x", "max_failures": 3, "daemon": true, "ephemeral": true, "min_duration": 2, "final": false},
               {"name": "b", "cmdline": "y"}, {"name": "c", "cmdline": "z", "final": true}],
             "constraints": [{"order": ["b"]}], "max_failures": 2, "max_concurrency": 4, "finalization_wait": 7,
             "resources": {"cpu": 0.5, "ram": 1048576, "disk": 2097152, "gpu": 0}}, "instances": 3}
            """);
        Assert.Equal("t", task.Name);
        Assert.Equal(new ThermosProcess { Name = "a", Cmdline = "x", MaxFailures = 3, Daemon = true, Ephemeral = true, MinDuration = TimeSpan.FromSeconds(2) }, task.Processes[0]);
        Assert.True(task.Processes[2].Final);
        Assert.Equal((2, 4, TimeSpan.FromSeconds(7)), (task.MaxFailures, task.MaxConcurrency, task.FinalizationWait));
        Assert.Equal(new ThermosResources(0.5, 1048576, 2097152, 0), task.Resources);
    }

    [Theory]
    [InlineData("""{"processes": []}""", "processes")]
    [InlineData("""{"processes": [{"name": "a"}]}""", "processes[0].cmdline")]
    [InlineData("""{"processes": [{"name": "a", "cmdline": "x", "max_failures": "2"}]}""", "processes[0].max_failures")]
    [InlineData("""{"processes": [{"name": "a", "cmdline": "x"}, {"name": "a", "cmdline": "y"}]}""", "processes[1].name")]
    [InlineData("""{"processes": [{"name": ".a", "cmdline": "x"}]}""", "processes[0].name")]
    [InlineData("""{"processes": [{"name": "a", "cmdline": "x"}], "constraints": [{"order": ["a", "zz"]}]}""", "constraints[0].order")]
    [InlineData("""{"processes": [{"name": "a", "cmdline": "x"}, {"name": "b", "cmdline": "x"}], "constraints": [{"order": ["a", "b"]}, {"order": ["b", "a"]}]}""", "constraints")]
    [InlineData("""{"processes": [{"name": "a", "cmdline": "x"}, {"name": "f", "cmdline": "x", "final": true}], "constraints": [{"order": ["a", "f"]}]}""", "constraints[0].order")]
    [InlineData("""{"processes": [{"name": "d", "cmdline": "x", "daemon": true}, {"name": "b", "cmdline": "x"}], "constraints": [{"order": ["d", "b"]}]}""", "constraints[0].order")]
    public void Bad_configs_name_the_field(string json, string field)
    {
        var error = Assert.Throws<ThermosConfigException>(() => ThermosTaskReader.Parse(json));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void AnOrderingThousandsLongIsCheckedWithoutRecursion()
    {
        var names = Enumerable.Range(0, ThermosTaskReader.MaxProcesses).Select(i => $"p{i}").ToList();
        var processes = string.Join(",", names.Select(n => $$"""{"name":"{{n}}","cmdline":"true"}"""));
        var order = string.Join(",", Enumerable.Reverse(names).Select(n => $"\"{n}\""));

        var task = ThermosTaskReader.Parse($$"""{"name":"t","processes":[{{processes}}],"constraints":[{"order":[{{order}}]}]}""");

        Assert.Equal(ThermosTaskReader.MaxProcesses, task.Processes.Count);
    }

    [Fact]
    public void MoreProcessesThanTheMostAreRefused()
    {
        var processes = string.Join(",", Enumerable.Range(0, ThermosTaskReader.MaxProcesses + 1).Select(i => $$"""{"name":"p{{i}}","cmdline":"true"}"""));

        var e = Assert.Throws<ThermosConfigException>(() => ThermosTaskReader.Parse($$"""{"name":"t","processes":[{{processes}}]}"""));

        Assert.Equal("processes", e.Field);
        Assert.Contains("at most 1000", e.Message);
    }

    [Fact]
    public void ACycleIsStillFound()
    {
        var e = Assert.Throws<ThermosConfigException>(() => ThermosTaskReader.Parse(
            """{"name":"t","processes":[{"name":"a","cmdline":"true"},{"name":"b","cmdline":"true"},{"name":"c","cmdline":"true"}],"constraints":[{"order":["a","b","c"]},{"order":["c","a"]}]}"""));

        Assert.Contains("cycle", e.Message);
    }
}
