using System.Text.Json;
using Tessera.Cli.Client;
using Tessera.Jobs;
using Tessera.Jobs.Api;
using Tessera.Jobs.Config;
using Tessera.Jobs.Scheduling;

namespace Tessera.Cli.Dev;

/// <summary>
/// The second half of <c>tessera dev --demo</c>: <c>examples/jobs/hello_world.aurora</c> — a service
/// of three instances with an HTTP health check — submitted to the jobs scheduler the way
/// <c>tessera job create</c> does it, then followed until every instance is RUNNING (which, with a
/// health check, means healthy), and each instance's address printed.
/// </summary>
internal static class DevServiceDemo
{
    public static readonly JobKey Key = new("devcluster", "www-data", "devel", "hello_world");

    public static async Task<int> RunAsync(DevCluster cluster, DevOptions options, TextWriter stdout, CancellationToken ct)
    {
        var path = Path.Combine(options.DataDir, "demo", "hello_world.aurora");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Resource("demo/hello_world.aurora"), ct);
        stdout.WriteLine();
        stdout.WriteLine($"demo: the service {Key} from examples/jobs/hello_world.aurora (3 instances, HTTP health check) on the jobs scheduler, like 'tessera job create'");
        var loaded = await AuroraConfigLoader.LoadAsync(path, new ConfigLoadOptions { Key = Key }, ct);
        var errors = loaded.Ok ? ConfigSupport.Check(loaded.Job!, loaded.Sources) : loaded.Errors;
        if (!errors.IsEmpty)
        {
            stdout.WriteLine($"demo: the config did not load: {string.Join("; ", errors)}");
            return TesseraCommand.ExitFailure;
        }
        using var jobs = new JobsClient(cluster.Jobs.Address);
        try
        {
            await jobs.PostAsync("/api/jobs", JsonSerializer.Serialize(JobSpecMapping.ToSpec(loaded.Job!), JobsApiJsonContext.Default.JobSpec), ct);
        }
        catch (CliException e) when (e.Message.Contains("already exists", StringComparison.Ordinal))
        {
            stdout.WriteLine("demo: the service is still there from the last run of this data folder");
        }
        var status = await UntilRunningAsync(jobs, TimeSpan.FromSeconds(90), ct);
        foreach (var instance in status.InstanceStatuses.OrderBy(i => i.Instance))
        {
            var port = instance.Ports?.GetValueOrDefault("http");
            stdout.WriteLine(instance.Status == ScheduleStatus.RUNNING && port is > 0
                ? $"  instance {instance.Instance}: RUNNING and healthy on {instance.Hostname}, serving http://127.0.0.1:{port}/"
                : $"  instance {instance.Instance}: {instance.Status} {instance.PendingReason}");
        }
        var running = status.InstanceStatuses.Count(i => i.Status == ScheduleStatus.RUNNING);
        stdout.WriteLine(running == status.Instances
            ? $"  ./tessera job status {Key} --jobs {cluster.Jobs.Address.Authority}   |   ./tessera job killall {Key} --jobs {cluster.Jobs.Address.Authority}"
            : $"demo: {running} of {status.Instances} instances are RUNNING after 90 s; './tessera job status {Key}' says why");
        return running == status.Instances ? TesseraCommand.ExitOk : TesseraCommand.ExitFailure;
    }

    private static async Task<JobStatus> UntilRunningAsync(JobsClient jobs, TimeSpan patience, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var status = await jobs.StatusAsync(Key, ct);
            if (status.InstanceStatuses.All(i => i.Status == ScheduleStatus.RUNNING) || DateTime.UtcNow > deadline) return status;
            await Task.Delay(500, ct);
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(DevServiceDemo).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not built into this executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
