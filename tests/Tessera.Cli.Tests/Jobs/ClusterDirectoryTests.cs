using Tessera.Cli.Client;

namespace Tessera.Cli.Tests.Jobs;

/// <summary>clusters.json: the files searched, later ones overriding by name, devcluster built in, and the errors.</summary>
public sealed class ClusterDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-clusters-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void TheFilesAreTheSystemOnesThenTheUsersFromTheEnvironment()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/ann" };
        Assert.Equal<string>(["/etc/tessera/clusters.json", "/home/ann/.tessera/clusters.json"], ClusterDirectory.DefaultFiles(n => env.GetValueOrDefault(n)));
        env["TESSERA_CONFIG_ROOT"] = "/opt/tessera";
        Assert.Equal<string>(["/opt/tessera/clusters.json", "/home/ann/.tessera/clusters.json"], ClusterDirectory.DefaultFiles(n => env.GetValueOrDefault(n)));
    }

    [Fact]
    public void DevclusterIsBuiltInWhenNoFileExists()
    {
        var directory = ClusterDirectory.Load([Path.Combine(_dir, "none.json"), Path.Combine(_dir, "neither.json")]);
        var dev = directory.Find("devcluster", "devcluster/www-data/prod/hello");
        Assert.Equal(new Uri("http://127.0.0.1:8081/"), dev.SchedulerUri);
        Assert.Equal(new Uri("http://127.0.0.1:5050/"), dev.MasterUri);
        Assert.Equal("built in", dev.Source);
    }

    [Fact]
    public void TheUsersFileOverridesTheSystemFileByName()
    {
        var system = Write("system.json", """
            [{"name": "east", "scheduler_uri": "http://10.0.0.1:8081", "master_uri": "http://10.0.0.1:5050", "zk": "ignored"},
             {"name": "west", "scheduler_uri": "http://10.0.0.2:8081"}]
            """);
        var user = Write("user.json", """
            // comments and trailing commas are allowed
            [{"name": "east", "scheduler_uri": "127.0.0.1:9001"}, {"name": "devcluster", "scheduler_uri": "https://127.0.0.1:9002"},]
            """);
        var directory = ClusterDirectory.Load([system, user]);
        var east = directory.Find("east", "east/r/e/n");
        Assert.Equal((new Uri("http://127.0.0.1:9001/"), (Uri?)null, user), (east.SchedulerUri, east.MasterUri, east.Source));
        Assert.Equal(new Uri("http://10.0.0.2:8081/"), directory.Find("west", "west/r/e/n").SchedulerUri);
        Assert.Equal(new Uri("https://127.0.0.1:9002/"), directory.Find("devcluster", "devcluster/r/e/n").SchedulerUri);
    }

    [Fact]
    public void AnUnknownClusterIsAUsageErrorNamingTheFilesSearched()
    {
        var user = Write("user.json", """[{"name": "east", "scheduler_uri": "http://127.0.0.1:9001"}]""");
        var absent = Path.Combine(_dir, "absent.json");
        var error = Assert.Throws<CliException>(() => ClusterDirectory.Load([absent, user]).Find("north", "north/www-data/prod/hello"));
        Assert.Equal(TesseraCommand.ExitUsage, error.ExitCode);
        Assert.Equal($"job key 'north/www-data/prod/hello': no cluster 'north' in {absent} (absent), {user}; define it there (name, scheduler_uri) or give --jobs", error.Message);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"name": "east"}""", "must be a JSON list of clusters")]
    [InlineData("""["east"]""", "[0]: must be an object with name and scheduler_uri")]
    [InlineData("""[{"scheduler_uri": "http://h:1"}]""", "[0].name: required")]
    [InlineData("""[{"name": 7, "scheduler_uri": "http://h:1"}]""", "[0].name: must be a string")]
    [InlineData("""[{"name": "a/b", "scheduler_uri": "http://h:1"}]""", "[0].name: name 'a/b' may only contain letters, digits, '_', '-' and '.'")]
    [InlineData("""[{"name": "east"}]""", "[0].scheduler_uri: required (the jobs scheduler, http://host:port)")]
    [InlineData("""[{"name": "east", "scheduler_uri": "ftp://h:1"}]""", "[0].scheduler_uri: must be http://host:port (or host:port), not 'ftp://h:1'")]
    [InlineData("""[{"name": "east", "scheduler_uri": "http://h:1", "master_uri": "http://h:2/api"}]""", "[0].master_uri: must be http://host:port (or host:port), not 'http://h:2/api'")]
    [InlineData("""[{"name": "east", "scheduler_uri": "http://h:1"}, {"name": "east", "scheduler_uri": "http://h:2"}]""", "[1].name: cluster 'east' is defined twice in this file")]
    public void AMalformedFileIsAUsageErrorNamingTheFileAndTheProblem(string json, string problem)
    {
        var path = Write("clusters.json", json);
        var error = Assert.Throws<CliException>(() => ClusterDirectory.Load([path]));
        Assert.Equal(TesseraCommand.ExitUsage, error.ExitCode);
        Assert.StartsWith($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void ParsingKeepsTheOrderAndTheSource()
    {
        var clusters = ClusterDirectory.Parse("""[{"name": "a", "scheduler_uri": "h:1"}, {"name": "b", "scheduler_uri": "h:2"}]""", "f.json");
        Assert.Equal(["a", "b"], clusters.Select(c => c.Name));
        Assert.All(clusters, c => Assert.Equal("f.json", c.Source));
        Assert.Empty(ClusterDirectory.Parse("[]", "f.json"));
    }
}
