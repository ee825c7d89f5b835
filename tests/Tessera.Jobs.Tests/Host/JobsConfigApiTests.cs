using System.Net;
using System.Text.Json;
using Tessera.Jobs.Api;

namespace Tessera.Jobs.Tests.Host;

/// <summary><c>GET /api/jobs/{job}/config</c> and <c>POST /api/jobs/{job}/diff</c> on the real jobs server.</summary>
public sealed class JobsConfigApiTests
{
    [Fact]
    public async Task ConfigIsTheStoredSpecAndDiffComparesAProposalWithoutChangingIt()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("configured", 1, "sleep 300");
        await cluster.CreateAsync(job);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var stored = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri(cluster.Api, $"/api/jobs/{job.Key}/config")), JobsApiJsonContext.Default.JobSpec)!;
        Assert.Equal(job.Key, stored.Key);
        Assert.Equal(1, stored.Instances);
        Assert.Equal(job.Template.Resources, stored.Template.Resources);
        Assert.Equal("sleep 300", stored.Template.Command);
        Assert.Equal("limit:10", stored.Template.Constraints["host"]);

        var proposed = job with { Instances = 3, Template = job.Template with { Command = "sleep 600" } };
        using (var response = await cluster.PostAsync($"/api/jobs/{job.Key}/diff", JsonSerializer.Serialize(proposed, JobsApiJsonContext.Default.JobSpec)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var diff = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), JobsApiJsonContext.Default.JobDiff)!;
            Assert.Equal<int>([1, 2], diff.Add);
            Assert.Empty(diff.Remove);
            var change = Assert.Single(diff.Changes);
            Assert.Equal(("command", "sleep 300", "sleep 600"), (change.Path, change.Old!.GetValue<string>(), change.New!.GetValue<string>()));
        }

        // The same job without its key (the URL's is taken): no changes.
        var unkeyed = """{"instances": 1, "template": {"resources": {"cpus": 0.1, "ram_mb": 32, "disk_mb": 10}, "constraints": {"host": "limit:10"}, "is_service": true, "command": "sleep 300"}}""";
        using (var response = await cluster.PostAsync($"/api/jobs/{job.Key}/diff", unkeyed))
        {
            var diff = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), JobsApiJsonContext.Default.JobDiff)!;
            Assert.True(diff.Identical, JsonSerializer.Serialize(diff, JobsApiJsonContext.Default.JobDiff));
        }

        // Diff changed nothing.
        var after = JsonSerializer.Deserialize(await http.GetStringAsync(new Uri(cluster.Api, $"/api/jobs/{job.Key}/config")), JobsApiJsonContext.Default.JobSpec)!;
        Assert.Equal(1, after.Instances);
        Assert.Equal("sleep 300", after.Template.Command);
    }

    [Fact]
    public async Task UnknownJobsAre404AndBadBodiesAre400NamingTheField()
    {
        await using var cluster = await JobsCluster.StartAsync();
        var job = JobsCluster.Job("present", 1, "sleep 300");
        await cluster.CreateAsync(job);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using (var missing = await http.GetAsync(new Uri(cluster.Api, "/api/jobs/devcluster/www-data/test/none/config")))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("key: no job devcluster/www-data/test/none\n", await missing.Content.ReadAsStringAsync());
        }
        var none = JobsCluster.Job("none", 1, "true");
        using (var missing = await cluster.PostAsync("/api/jobs/devcluster/www-data/test/none/diff", JsonSerializer.Serialize(none, JobsApiJsonContext.Default.JobSpec)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("key: no job devcluster/www-data/test/none\n", await missing.Content.ReadAsStringAsync());
        }

        var path = $"/api/jobs/{job.Key}/diff";
        (string Body, string Problem)[] bad =
        [
            (JsonSerializer.Serialize(job with { Instances = 0 }, JobsApiJsonContext.Default.JobSpec), "instances: must be between 1 and 10000, not 0\n"),
            (JsonSerializer.Serialize(none, JobsApiJsonContext.Default.JobSpec), $"key: the body's key devcluster/www-data/test/none is not {job.Key} (the URL's)\n"),
            ("[1]", "body: must be a JSON object (a job spec)\n"),
        ];
        foreach (var (body, problem) in bad)
        {
            using var response = await cluster.PostAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(problem, await response.Content.ReadAsStringAsync());
        }
        using (var notJson = await cluster.PostAsync(path, "{"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
            Assert.StartsWith("body: not valid JSON", await notJson.Content.ReadAsStringAsync());
        }
    }
}
