using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

/// <summary>Aurora's port rules with an Announcer: aliases resolve to their root, and the portmap's roots are allocated.</summary>
public sealed class AnnouncerPortsTests
{
    private static async Task<ConfigLoadResult> LoadAsync(string cmdline, string announce)
    {
        using var files = new ConfigFiles();
        var path = files.Write("ports.aurora",
            $"task = Task(name = 't', processes = [Process(name = 'p', cmdline = '{cmdline}')], " +
            "resources = Resources(cpu = 0.1, ram = 16 * MB, disk = 16 * MB))\n" +
            $"jobs = [Service(cluster = 'devcluster', role = 'www-data', environment = 'prod', name = 'j', task = task{announce})]\n");
        return await ConfigFiles.LoadAsync(path, "devcluster/www-data/prod/j");
    }

    private static async Task<JobConfig> LoadOkAsync(string cmdline, string announce)
    {
        var result = await LoadAsync(cmdline, announce);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Job!;
    }

    [Fact]
    public async Task WithoutAnAnnouncerTheProcessesReferencesAreThePorts()
    {
        var spec = JobSpecMapping.ToSpec(await LoadOkAsync("serve {{thermos.ports[admin]}} {{thermos.ports[web]}}", ""));

        Assert.Equal<string>(["admin", "web"], [.. spec.Template.Ports]);
    }

    [Fact]
    public async Task TheDefaultAnnouncerAsksForItsPrimaryPortEvenUnreferenced()
    {
        var spec = JobSpecMapping.ToSpec(await LoadOkAsync("sleep 60", ", announce = Announcer()"));

        Assert.Equal<string>(["http"], [.. spec.Template.Ports]);
    }

    [Fact]
    public async Task AReferenceToAnAliasIsItsRootPort()
    {
        var job = await LoadOkAsync("serve {{thermos.ports[aurora]}} {{thermos.ports[b]}}",
            ", announce = Announcer(primary_port = 'web', portmap = {'aurora': '{{primary_port}}', 'b': 'a', 'a': 'admin'})");

        var spec = JobSpecMapping.ToSpec(job);

        Assert.Equal<string>(["web", "admin"], [.. spec.Template.Ports]);
        Assert.Contains("serve {{thermos.ports[web]}} {{thermos.ports[admin]}}", spec.Template.TaskJson, StringComparison.Ordinal);
        Assert.Equal("( serve {{thermos.ports[web]}} {{thermos.ports[admin]}} )", spec.Template.Command);
    }

    [Fact]
    public async Task ACycleInThePortmapIsAnError()
    {
        var result = await LoadAsync("sleep 60", ", announce = Announcer(portmap = {'a': 'b', 'b': 'a'})");

        var error = Assert.Single(result.Errors);
        Assert.Equal("announce.portmap[a]", error.Field);
        Assert.Equal("portmap", error.Rule);
    }

    [Fact]
    public async Task AStaticPortIsRefusedAtCreate()
    {
        var result = await LoadAsync("serve {{thermos.ports[http]}}", ", announce = Announcer(portmap = {'http': '80'})");
        Assert.True(result.Ok, string.Join("\n", result.Errors));

        var refusal = Assert.Single(ConfigSupport.Check(result.Job!, result.Sources));

        Assert.Equal("announce.portmap[http]", refusal.Field);
        Assert.Contains("static port 80 is not supported", refusal.Message, StringComparison.Ordinal);
    }
}
