using Microsoft.Extensions.Logging;
using Tessera.Agent.Hosting;
using Tessera.Core.Flags;
using Tessera.Core.Resources;

namespace Tessera.Cli;

/// <summary><c>tessera agent</c>: parses the flags, runs an agent until SIGINT/SIGTERM.</summary>
internal static class AgentCommand
{
    public static FlagSet Declare() => new FlagSet("tessera agent")
        .Add("master", "the master, host:port or http://host:port", Environment.GetEnvironmentVariable("TESSERA_MASTER") ?? "127.0.0.1:5050")
        .Add("work-dir", "folder for sandboxes and the agent's checkpoint (required)")
        .Add("ip", "address the agent's HTTP server binds to", "127.0.0.1")
        .Add("port", "port of the agent's HTTP server (executors, files, operator API)", "5051")
        .Add("hostname", "hostname to report (default: the machine's name)")
        .Add("resources", "resources to offer instead of the detected ones, e.g. cpus:4;mem:8192;ports:[31000-32000]")
        .Add("attributes", "attributes, e.g. rack:r1;os:linux")
        .Add("isolation", "auto (cgroups + pid/mount/ipc/uts namespaces when root, else plain processes), posix, or a list such as cgroups/cpu,cgroups/mem,namespaces/pid,filesystem/linux", "auto")
        .AddBool("cgroups-enable-cfs", "also cap CPU with a CFS quota (hard limit), not only shares")
        .Add("runtime-dir", "where containers' runtime files go (default: /run/tessera/<hash of work dir> as root, else WORK_DIR/meta)")
        .Add("recover", "after a restart: reconnect (re-attach to the tasks of checkpointing frameworks) or cleanup (kill them)", "reconnect")
        .Add("executor-registration-timeout", "how long a custom executor has to subscribe before it is killed and its tasks fail", "1mins")
        .Add("recovery-timeout", "after a restart, how long an executor of a checkpointing framework has to subscribe again before it is killed and its tasks fail", "15mins")
        .Add("default-role", "role that detected resources, and --resources written without a role, are reserved to (* = unreserved)", "*")
        .Add("gc-delay", "how long the sandbox of a finished task or executor is kept once the agent forgets it (sooner when the disk fills up)", "1weeks")
        .Add("gc-disk-headroom", "a number from 0 to 1: sandboxes older than gc-delay x max(0, 1 - headroom - disk usage) are removed at each disk check", "0.1")
        .Add("disk-watch-interval", "how often the work dir's disk usage is checked to remove old sandboxes sooner", "1mins");

    public static AgentOptions Parse(IReadOnlyList<string> args)
    {
        var flags = Declare();
        flags.Parse(args);
        var masterText = flags.String("master");
        if (!masterText.Contains("://", StringComparison.Ordinal)) masterText = "http://" + masterText;
        if (!Uri.TryCreate(masterText, UriKind.Absolute, out var master) || master.Scheme is not ("http" or "https"))
            throw new FlagException($"flag '--master' must be host:port or http://host:port, not '{flags.String("master")}'");
        ResourceSet? resources = null;
        if (flags.Raw("resources") is { } text)
        {
            try
            {
                resources = ResourceSet.Parse(text);
            }
            catch (ResourceParseException e)
            {
                throw new FlagException($"flag '--resources': {e.Message}");
            }
        }
        try
        {
            Tessera.Agent.Isolation.IsolationConfig.Parse(flags.String("isolation"));
        }
        catch (FormatException e)
        {
            throw new FlagException($"flag '--isolation': {e.Message}");
        }
        if (RoleName.Validate(flags.String("default-role")) is { } badRole)
            throw new FlagException($"flag '--default-role': {badRole}");
        var headroomText = flags.String("gc-disk-headroom");
        if (!double.TryParse(headroomText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var headroom) || !(headroom is >= 0 and <= 1))
            throw new FlagException($"flag '--gc-disk-headroom' must be a number from 0 to 1, not '{headroomText}'");
        if (!System.Net.IPAddress.TryParse(flags.String("ip"), out _))
            throw new FlagException($"flag '--ip' must be an IP address, not '{flags.String("ip")}'");
        return new AgentOptions
        {
            Master = master,
            WorkDir = flags.Raw("work-dir") ?? throw new FlagException("flag '--work-dir' is required"),
            Ip = flags.String("ip"),
            Port = flags.Int("port", 1, 65535),
            Hostname = flags.Raw("hostname"),
            Resources = resources,
            Attributes = flags.Raw("attributes"),
            Isolation = flags.String("isolation"),
            RuntimeDir = flags.Raw("runtime-dir"),
            Recover = flags.String("recover") is "reconnect" or "cleanup" ? flags.String("recover") : throw new FlagException($"flag '--recover' must be reconnect or cleanup, not '{flags.String("recover")}'"),
            CgroupsEnableCfs = flags.Bool("cgroups-enable-cfs"),
            ExecutorRegistrationTimeout = flags.Duration("executor-registration-timeout", TimeSpan.FromMilliseconds(1)),
            RecoveryTimeout = flags.Duration("recovery-timeout", TimeSpan.FromMilliseconds(1)),
            DefaultRole = flags.String("default-role"),
            GcDelay = flags.Duration("gc-delay"),
            GcDiskHeadroom = headroom,
            DiskWatchInterval = flags.Duration("disk-watch-interval", TimeSpan.FromMilliseconds(1)),
        };
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args is ["--help"] or ["-h"])
        {
            stdout.WriteLine("Usage: tessera agent --work-dir=DIR [--master=127.0.0.1:5050] [flags]");
            stdout.WriteLine();
            stdout.WriteLine("Example: tessera agent --master=127.0.0.1:5050 --work-dir=.tessera/agent1 --resources='cpus:2;mem:2048'");
            stdout.WriteLine();
            stdout.WriteLine(Declare().Help());
            return TesseraCommand.ExitOk;
        }
        AgentOptions options;
        try
        {
            options = Parse(args);
            Tessera.Agent.Hosting.AttributeCheck.Validate(options.Attributes);
        }
        catch (FlagException e)
        {
            stderr.WriteLine($"tessera agent: {e.Message}");
            return TesseraCommand.ExitUsage;
        }
        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        AgentHost agent;
        try
        {
            agent = await AgentHost.StartAsync(options, logs: logs, ct: ct);
        }
        catch (InvalidOperationException e)
        {
            stderr.WriteLine($"tessera agent: {e.Message}");
            return TesseraCommand.ExitFailure;
        }
        await using var owned = agent;
        stdout.WriteLine($"tessera agent: offering {agent.Total} to {options.Master} on {agent.Address} (work dir {Path.GetFullPath(options.WorkDir)}; isolation: {agent.Isolation})");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        var kept = await agent.StopAsync(killCheckpointed: false);
        stdout.WriteLine($"tessera agent: stopped; {kept} task(s) of checkpointing frameworks (and their executors) keep running and are re-attached at the next start with this work dir, the others were killed");
        return TesseraCommand.ExitOk;
    }
}
