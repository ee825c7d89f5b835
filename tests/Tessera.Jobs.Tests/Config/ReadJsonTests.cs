using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class ReadJsonTests
{
    [Fact]
    public async Task JsonAndAuroraGiveTheSameJob()
    {
        var fromAurora = await ConfigFiles.LoadOkAsync(ConfigFiles.Sample("hello.aurora"));
        var fromJson = await AuroraConfigLoader.ReadJsonAsync(ConfigFiles.Sample("hello.json"), new ConfigLoadOptions(), CancellationToken.None);
        Assert.True(fromJson.Ok, string.Join("\n", fromJson.Errors));
        Assert.Equal(fromAurora, fromJson.Job);
        Assert.Equal(fromAurora.Task.ToExecutorJson(), fromJson.Job!.Task.ToExecutorJson());
    }

    [Fact]
    public void ASingleJobObjectIsAccepted()
    {
        var json = File.ReadAllText(ConfigFiles.Sample("hello.json")).Trim();
        var single = json["{\"jobs\": [".Length..^2];
        var result = AuroraConfigLoader.ReadJson(single, "single.json", new ConfigLoadOptions());
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal("devcluster/www-data/prod/hello", result.Job!.Key.ToString());
    }

    [Fact]
    public void JsonGoesThroughTheSameValidator()
    {
        const string json = """
            {"cluster": "c", "role": "r", "environment": "prod", "colour": "blue",
             "task": {"processes": [{"name": "p", "cmdline": "true", "max_failures": "x"}], "resources": {"cpu": 0, "ram": 1048576, "disk": 1048576}}}
            """;
        var result = AuroraConfigLoader.ReadJson(json, "bad.json", new ConfigLoadOptions());
        Assert.False(result.Ok);
        Assert.Equal(
            [("task.processes[0].max_failures", "type"), ("colour", "unknown-field"), ("task.resources.cpu", "resources")],
            result.Errors.Select(e => (e.Field, e.Rule)));
        Assert.All(result.Errors, e => Assert.Equal("bad.json", e.File));
    }

    [Fact]
    public void MalformedJson()
    {
        var result = AuroraConfigLoader.ReadJson("{\"jobs\": [", "broken.json", new ConfigLoadOptions());
        Assert.Equal("json", Assert.Single(result.Errors).Rule);
    }
}
