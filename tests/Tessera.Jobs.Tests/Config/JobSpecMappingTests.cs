using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class JobSpecMappingTests
{
    [Fact]
    public async Task TheExampleBecomesASpecWithItsPortsResourcesAndExecutorJson()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", "jobs", "hello_world.aurora");
        var result = await AuroraConfigLoader.LoadAsync(path, new ConfigLoadOptions(), CancellationToken.None);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var spec = JobSpecMapping.ToSpec(result.Job!);
        Assert.Equal(new JobKey("devcluster", "www-data", "devel", "hello_world"), spec.Key);
        Assert.Equal(3, spec.Instances);
        Assert.Equal(new Tessera.Jobs.Scheduling.TaskResources(0.1, 64, 64), spec.Template.Resources);
        Assert.Equal<string>(["http"], [.. spec.Template.Ports]);
        Assert.True(spec.Template.IsService);
        Assert.Null(spec.Template.Contact);
        Assert.Equal("me@example.com", JobSpecMapping.ToSpec(result.Job! with { Contact = "me@example.com" }).Template.Contact);
        Assert.Equal(result.Job!.ToExecutorJson(), spec.Template.TaskJson);
        Assert.StartsWith(result.Job!.Task.ToExecutorJson()[..^1] + ",\"health_check_config\":{\"health_checker\":{\"http\":{\"endpoint\":\"/health\"", spec.Template.TaskJson);
        // The Announcer's portmap {'health': 'http'}: the executor probes the http port.
        Assert.Contains("\"expected_response_code\":0,\"port\":\"http\"}}", spec.Template.TaskJson);
        // Without the process-tree executor: the regular processes in order, stopping at a failure.
        Assert.StartsWith("( echo \"hello world from instance {{mesos.instance}}\" > index.html ) && ( python3 -c ", spec.Template.Command);
    }
}
