using Tessera.Jobs.Config;

namespace Tessera.Jobs.Tests.Config;

public sealed class JobPickTests
{
    private const string TwoJobs = """
        t = SimpleTask('hello', 'true')
        jobs = [Job(cluster = 'c', role = 'r', environment = 'prod', task = t),
                Job(cluster = 'c', role = 'r', environment = 'devel', task = t),
                Job(cluster = 'c', role = 'r', environment = 'devel', name = 'twin', task = t),
                Job(cluster = 'c', role = 'r', environment = 'devel', name = 'twin', task = t)]
        """;

    [Fact]
    public async Task PicksByKey()
    {
        using var files = new ConfigFiles();
        var path = files.Write("two.aurora", TwoJobs);
        var job = await ConfigFiles.LoadOkAsync(path, "c/r/devel/hello");
        Assert.Equal("c/r/devel/hello", job.Key.ToString());
    }

    [Fact]
    public async Task SeveralJobsAndNoKeyListsTheCandidates()
    {
        using var files = new ConfigFiles();
        var error = Assert.Single((await ConfigFiles.LoadAsync(files.Write("two.aurora", TwoJobs))).Errors);
        Assert.Equal("pick", error.Rule);
        Assert.Contains("c/r/prod/hello, c/r/devel/hello, c/r/devel/twin, c/r/devel/twin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMatchListsTheCandidates()
    {
        using var files = new ConfigFiles();
        var error = Assert.Single((await ConfigFiles.LoadAsync(files.Write("two.aurora", TwoJobs), "c/r/test/hello")).Errors);
        Assert.Equal("pick", error.Rule);
        Assert.Contains("no job in the config matches c/r/test/hello; candidates: c/r/prod/hello", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralMatchesIsAnError()
    {
        using var files = new ConfigFiles();
        var error = Assert.Single((await ConfigFiles.LoadAsync(files.Write("two.aurora", TwoJobs), "c/r/devel/twin")).Errors);
        Assert.Contains("2 jobs match c/r/devel/twin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASingleJobIsTakenWithoutAKeyButMustMatchAGivenKey()
    {
        using var files = new ConfigFiles();
        var path = files.Write("one.aurora", "jobs = [Job(cluster = 'c', role = 'r', environment = 'prod', task = SimpleTask('one', 'true'))]");
        Assert.Equal("c/r/prod/one", (await ConfigFiles.LoadOkAsync(path)).Key.ToString());
        Assert.Equal("pick", Assert.Single((await ConfigFiles.LoadAsync(path, "other/r/prod/one")).Errors).Rule);
    }

    [Fact]
    public async Task AJobWithoutAClusterTakesTheKeys()
    {
        using var files = new ConfigFiles();
        var path = files.Write("nocluster.aurora", "job = Job(role = 'r', environment = 'prod', task = SimpleTask('one', 'echo {{cluster}}'))");
        var job = await ConfigFiles.LoadOkAsync(path, "west/r/prod/one");
        Assert.Equal("west", job.Cluster);
        Assert.Equal("echo west", job.Task.Processes[0].Cmdline);
    }
}
