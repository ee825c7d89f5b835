using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Tessera.Cli.Client;
using Tessera.Core.Flags;
using Tessera.Jobs.Scheduling;
using Tessera.Jobs.Host;

namespace Tessera.Cli;

/// <summary>
/// <c>tessera jobs</c>: the Aurora-style scheduler as a framework on a master, with its REST API
/// (<c>docs/jobs-api.md</c>); runs until Ctrl-C and leaves its tasks running for the next start.
/// </summary>
internal static class JobsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var master = new Option<string>("--master") { Description = "the master, host:port (default: $TESSERA_MASTER or 127.0.0.1:5050)", DefaultValueFactory = _ => MasterAddress.Default };
        var port = new Option<int>("--port") { Description = "the port of the jobs API", DefaultValueFactory = _ => JobsServer.DefaultPort };
        var ip = new Option<string>("--ip") { Description = "the address the jobs API listens on", DefaultValueFactory = _ => "127.0.0.1" };
        var dataDir = new Option<string>("--data-dir") { Description = "where the job store (jobs.db) lives", DefaultValueFactory = _ => Path.Combine(".tessera", "jobs") };
        var thermos = new Option<string?>("--thermos-executor") { Description = "the process-tree executor command (default: this program's 'executor thermos'); 'none' runs each task as a plain command task" };
        var reconcile = Duration("--reconcile-interval", "how often to ask the master for every task's state", "15mins");
        var threshold = Duration("--flapping-task-threshold", "a task that ends sooner after it started flapped", "5mins");
        var initialDelay = Duration("--initial-flapping-task-delay", "the first flapping penalty (doubles per flap in a row)", "30secs");
        var maxDelay = Duration("--max-flapping-task-delay", "the largest flapping penalty", "5mins");
        var minRetention = Duration("--history-min-retention-threshold", "ended tasks are kept at least this long", "1hrs");
        var pruneAfter = Duration("--history-prune-threshold", "ended tasks are forgotten after this long", "2days");
        var cronZone = new Option<string>("--cron-timezone")
        {
            Description = "the time zone cron schedules are read in (an IANA name such as Europe/Berlin; Aurora's default is GMT)",
            DefaultValueFactory = _ => "UTC",
        };
        var maxPerJob = new Option<int>("--history-max-per-job-threshold") { Description = "ended tasks kept per job at most (the oldest go first)", DefaultValueFactory = _ => TaskHistoryPolicy.Default.MaxPerJob };
        var command = new Command("jobs", "run the Tessera Jobs scheduler (a framework on the master) and its REST API\n\nExample:\n  tessera jobs --master 127.0.0.1:5050 --port 8081 --data-dir /var/lib/tessera/jobs")
        {
            master, port, ip, dataDir, thermos, reconcile, threshold, initialDelay, maxDelay, minRetention, pruneAfter, maxPerJob,
            cronZone,
        };
        var parse = new RootCommand { command }.Parse(["jobs", .. args]);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"tessera jobs: {parse.Errors[0].Message} (see 'tessera jobs --help')");
            return TesseraCommand.ExitUsage;
        }
        if (args.Any(a => a is "--help" or "-h" or "-?"))
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, ct);
        Uri masterUri;
        try
        {
            masterUri = MasterAddress.Parse(parse.GetValue(master)!);
        }
        catch (CliException e)
        {
            stderr.WriteLine($"tessera jobs: {e.Message}");
            return TesseraCommand.ExitUsage;
        }
        var durations = new Dictionary<string, TimeSpan>();
        foreach (var option in new[] { reconcile, threshold, initialDelay, maxDelay, minRetention, pruneAfter })
        {
            if (!DurationText.TryParse(parse.GetValue(option)!, out var value, out var error) || value <= TimeSpan.Zero)
            {
                stderr.WriteLine($"tessera jobs: {option.Name}: {error ?? "must be more than 0"}");
                return TesseraCommand.ExitUsage;
            }
            durations[option.Name] = value;
        }
        if (parse.GetValue(maxPerJob) < 1)
        {
            stderr.WriteLine($"tessera jobs: --history-max-per-job-threshold: must be at least 1, not {parse.GetValue(maxPerJob)}");
            return TesseraCommand.ExitUsage;
        }
        if (!TryZone(parse.GetValue(cronZone)!, out var zone))
        {
            stderr.WriteLine($"tessera jobs: --cron-timezone: '{parse.GetValue(cronZone)}' is not a time zone this machine knows "
                + "(an IANA name such as UTC or Europe/Berlin)");
            return TesseraCommand.ExitUsage;
        }
        var options = new JobsSchedulerOptions
        {
            CronTimeZone = zone!,
            ReconcileInterval = durations[reconcile.Name],
            Flapping = new FlappingSettings(durations[threshold.Name], durations[initialDelay.Name], durations[maxDelay.Name]),
            History = new TaskHistoryPolicy(durations[minRetention.Name], durations[pruneAfter.Name], parse.GetValue(maxPerJob)),
            Master = masterUri,
            DataDir = Path.GetFullPath(parse.GetValue(dataDir)!),
            ThermosExecutor = parse.GetValue(thermos) switch { null => SelfCommand.ThermosExecutor(), "none" => null, var given => given },
        };
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        JobsServer server;
        try
        {
            server = await JobsServer.StartAsync(options, parse.GetValue(ip)!, parse.GetValue(port), logs: logs, ct: stop.Token);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tessera jobs: cannot start: {e.Message}");
            return TesseraCommand.ExitFailure;
        }
        await using (server)
        {
            stdout.WriteLine($"tessera jobs: API at {server.Address}, master {masterUri}, data {options.DataDir}");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            stdout.WriteLine("tessera jobs: stopping; the tasks keep running for the next start");
        }
        return TesseraCommand.ExitOk;
    }

    private static bool TryZone(string id, out TimeZoneInfo? zone)
    {
        zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static Option<string> Duration(string name, string description, string defaultValue) =>
        new(name) { Description = $"{description} (a duration: 30secs, 15mins)", DefaultValueFactory = _ => defaultValue };
}
