using Tessera.Core.Protocol;
using Tessera.Executor.ExecutorApi;
using Tessera.Executor.Thermos;

namespace Tessera.Executor.Tests.Thermos;

public sealed class ThermosBindingsTests
{
    private static ThermosTask Task(string cmdline) => new() { Name = "t", Processes = [new ThermosProcess { Name = "p", Cmdline = cmdline }] };

    [Fact]
    public void Ports_task_id_and_hostname_are_resolved_and_other_templates_left_alone()
    {
        var bindings = new ThermosBindings(new Dictionary<string, int> { ["http"] = 31001 }, "task-7", "host-a", "www-data");
        var task = bindings.Apply(Task("serve --port {{thermos.ports[http]}} --id {{thermos.task_id}} --host {{mesos.hostname}} --user {{thermos.user}} {{other}}"));
        Assert.Equal("serve --port 31001 --id task-7 --host host-a --user www-data {{other}}", task.Processes[0].Cmdline);
    }

    [Fact]
    public void A_missing_port_names_the_process_field_and_the_port()
    {
        var error = Assert.Throws<ThermosConfigException>(() => new ThermosBindings(new Dictionary<string, int>(), "t", null).Apply(Task("x {{thermos.ports[admin]}}")));
        Assert.Equal("processes[0].cmdline", error.Field);
        Assert.Contains("'admin'", error.Message);
    }

    [Fact]
    public void Ports_come_from_discovery_then_labels()
    {
        var info = new TaskInfo
        {
            Name = "t",
            TaskId = TaskID.Of("t"),
            AgentId = AgentID.Of("a"),
            Discovery = new DiscoveryInfo { Visibility = DiscoveryVisibility.FRAMEWORK, Ports = new DiscoveryPorts { Ports = [new DiscoveryPort { Name = "http", Number = 31000 }] } },
            Labels = new Labels { Values = [new Label { Key = "thermos.ports[health]", Value = "31002" }, new Label { Key = "thermos.ports[http]", Value = "1" }] },
        };
        var ports = TaskPorts.Of(info);
        Assert.Equal(31000, ports["http"]);
        Assert.Equal(31002, ports["health"]);
    }

    [Theory]
    [InlineData("15mins", 900)]
    [InlineData("2secs", 2)]
    [InlineData("500ms", 0.5)]
    [InlineData(null, 7)]
    [InlineData("soon", 7)]
    public void Mesos_durations_parse(string? text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), MesosDuration.Parse(text, TimeSpan.FromSeconds(7)));
}
