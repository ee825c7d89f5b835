using System.Text.Json.Nodes;
using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class TemplatingTests
{
    private static readonly Dictionary<string, string> NoBindings = [];

    private static (JsonObject Job, IReadOnlyList<ConfigError> Errors) Resolve(string json, Dictionary<string, string>? bindings = null)
    {
        var job = JsonNode.Parse(json)!.AsObject();
        var errors = Templating.ResolveJob(job, bindings ?? NoBindings, new SourceLocation("test.json", null));
        return (job, errors);
    }

    private const string Base = """
        {"name": "{{task.name}}", "role": "www", "environment": "prod", "cluster": "dev",
         "task": {"name": "{{processes[0].name}}", "processes": [{"name": "p0", "cmdline": "CMD"}]}}
        """;

    private static string With(string cmdline) => Base.Replace("CMD", cmdline, StringComparison.Ordinal);

    private static string Cmdline(JsonObject job) => job["task"]!["processes"]![0]!["cmdline"]!.GetValue<string>();

    [Fact]
    public void DefaultNamesFollowTheFirstProcess()
    {
        var (job, errors) = Resolve(Base);
        Assert.Empty(errors);
        Assert.Equal("p0", job["name"]!.GetValue<string>());
        Assert.Equal("p0", job["task"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{{role}}/{{environment}}/{{cluster}}/{{name}}", "www/prod/dev/p0")]
    [InlineData("{{task.name}}", "p0")]
    [InlineData("{{mesos.role}}@{{mesos.cluster}}", "www@dev")]
    [InlineData("--port={{thermos.ports[http]}} --i={{mesos.instance}} {{mesos.hostname}} {{thermos.task_id}} {{thermos.user}}",
        "--port={{thermos.ports[http]}} --i={{mesos.instance}} {{mesos.hostname}} {{thermos.task_id}} {{thermos.user}}")]
    [InlineData("{{ports}}", "{{thermos.ports[http]}}")]
    [InlineData("{{x{{y}}}}", "deep")]
    [InlineData("no templates", "no templates")]
    [InlineData("{{unclosed", "{{unclosed")]
    public void ResolvesReferences(string cmdline, string expected)
    {
        var (job, errors) = Resolve(With(cmdline).Replace("\"cluster\": \"dev\"",
            "\"cluster\": \"dev\", \"$bind\": {\"y\": \"z\", \"xz\": \"deep\", \"ports\": \"{{thermos.ports[http]}}\"}", StringComparison.Ordinal));
        Assert.Empty(errors);
        Assert.Equal(expected, Cmdline(job));
    }

    [Fact]
    public void NearestBindingWinsAndCommandLineBindingsOverrideTheJobs()
    {
        var json = Base.Replace("\"cluster\": \"dev\"", "\"cluster\": \"dev\", \"$bind\": {\"v\": \"job\", \"w\": \"job\"}", StringComparison.Ordinal)
            .Replace("\"cmdline\": \"CMD\"", "\"cmdline\": \"{{v}} {{w}} {{profile.size}}\", \"$bind\": {\"v\": \"process\"}", StringComparison.Ordinal);
        var (job, errors) = Resolve(json, new() { ["w"] = "flag", ["profile.size"] = "7" });
        Assert.Empty(errors);
        Assert.Equal("process flag 7", Cmdline(job));
    }

    [Fact]
    public void BoundStructsAreScopes()
    {
        var json = Base.Replace("\"cluster\": \"dev\"",
            "\"cluster\": \"dev\", \"$bind\": {\"profile\": {\"$type\": \"Profile\", \"version\": \"1.{{minor}}\", \"minor\": 2}}", StringComparison.Ordinal)
            .Replace("CMD", "run-{{profile.version}}", StringComparison.Ordinal);
        var (job, errors) = Resolve(json);
        Assert.Empty(errors);
        Assert.Equal("run-1.2", Cmdline(job));
    }

    [Theory]
    [InlineData("{{nothing}}", "template-unbound", "'{{nothing}}' is not bound")]
    [InlineData("{{ role }}", "template-syntax", "spaces are not allowed")]
    [InlineData("{{mesos.instanse}}", "template-unbound", "not a known built-in")]
    [InlineData("{{docker.image[a][b]}}", "template-unsupported", "registry")]
    [InlineData("{{task}}", "template-type", "is a struct")]
    [InlineData("{{task.processes[3].name}}", "template-unbound", "no element [3]")]
    [InlineData("{{loop}}", "template-loop", "loop")]
    [InlineData("{{contact}}", "template-unbound", "is not bound")]
    public void RefusesWithTheRule(string cmdline, string rule, string message)
    {
        var json = With(cmdline).Replace("\"cluster\": \"dev\"", "\"cluster\": \"dev\", \"contact\": null, \"$bind\": {\"loop\": \"{{loop}}\"}", StringComparison.Ordinal);
        var (_, errors) = Resolve(json);
        var error = Assert.Single(errors);
        Assert.Equal(rule, error.Rule);
        Assert.Equal("task.processes[0].cmdline", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersAndBooleansBecomeText()
    {
        var json = Base.Replace("\"cluster\": \"dev\"", "\"cluster\": \"dev\", \"instances\": 3, \"service\": true", StringComparison.Ordinal)
            .Replace("CMD", "{{instances}} {{service}}", StringComparison.Ordinal);
        var (job, errors) = Resolve(json);
        Assert.Empty(errors);
        Assert.Equal("3 true", Cmdline(job));
    }

    [Fact]
    public async Task BindInAConfigFileAndOnTheCommandLine()
    {
        using var files = new ConfigFiles();
        var path = files.Write("bind.aurora", """
            class Profile(Struct):
              port_name = Default(String, 'http')
              stop_file = Required(String)
            p = Process(name = 'main', cmdline = 'serve {{thermos.ports[{{profile.port_name}}]}} until {{stop_file}} {{profile.stop_file}}')
            jobs = [Job(cluster = 'c', role = 'r', environment = 'test', service = True,
                        task = Task(processes = [p], resources = Resources(cpu = 1, ram = MB, disk = MB))
                    ).bind(profile = Profile(stop_file = '/tmp/{{role}}'))]
            """);
        var options = new ConfigLoadOptions { Bindings = new Dictionary<string, string> { ["stop_file"] = "/tmp/stop" } };
        var job = await ConfigFiles.LoadOkAsync(path, options: options);
        Assert.Equal("serve {{thermos.ports[http]}} until /tmp/stop /tmp/r", job.Task.Processes[0].Cmdline);
        Assert.Equal("c/r/test/main", job.Key.ToString());

        var unbound = await ConfigFiles.LoadAsync(path);
        var error = Assert.Single(unbound.Errors);
        Assert.Equal(("task.processes[0].cmdline", "template-unbound", 4), (error.Field, error.Rule, error.Line));
        Assert.Equal(path, error.File);
    }

    [Fact]
    public async Task TemplatedNumbersAreTypedAfterResolution()
    {
        using var files = new ConfigFiles();
        var path = files.Write("typed.aurora", """
            jobs = [Job(cluster = 'c', role = 'r', environment = 'test', name = 'n', instances = '{{count}}',
                        task = SimpleTask('t', 'true')(resources = Resources(cpu = '{{cores}}', ram = MB, disk = MB)))
                    .bind(count = 4, cores = '0.5')]
            """);
        var job = await ConfigFiles.LoadOkAsync(path);
        Assert.Equal(4, job.Instances);
        Assert.Equal(0.5, job.Task.Resources.Cpu);

        var bad = await ConfigFiles.LoadAsync(path, options: new ConfigLoadOptions { Bindings = new Dictionary<string, string> { ["cores"] = "lots" } });
        var error = Assert.Single(bad.Errors);
        Assert.Equal(("task.resources.cpu", "type"), (error.Field, error.Rule));
        Assert.Contains("\"lots\"", error.Message, StringComparison.Ordinal);
    }
}
