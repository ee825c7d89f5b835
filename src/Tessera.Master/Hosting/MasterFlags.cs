using System.Collections.Immutable;
using System.Globalization;
using Tessera.Core.Allocation;
using Tessera.Core.Flags;
using Tessera.Core.Resources;

namespace Tessera.Master.Hosting;

/// <summary>The flags of <c>tessera master</c>, their defaults and their validation.</summary>
public static class MasterFlags
{
    public static FlagSet Declare() => new FlagSet("tessera master")
        .Add("ip", "address to listen on; loopback unless told otherwise", "127.0.0.1")
        .Add("port", "port to listen on", "5050")
        .Add("hostname", "hostname to advertise (default: the machine's name)")
        .Add("work-dir", "folder for the registry and other state (required)")
        .Add("allocation-interval", "time between allocation cycles", "1secs")
        .Add("offer-timeout", "rescind offers not answered within this time (default: never)")
        .Add("agent-ping-timeout", "time to wait for an agent's pong", "15secs")
        .Add("max-agent-ping-timeouts", "missed pongs before an agent is unreachable", "5")
        .Add("agent-reregister-timeout", "after a restart, time agents have to re-register before they are unreachable", "10mins")
        .Add("heartbeat-interval", "time between HEARTBEAT events to schedulers", "5secs")
        .Add("registry", "where the registry lives: sqlite or in_memory", "sqlite")
        .Add("roles", "comma-separated whitelist of roles frameworks may use (default: any)")
        .Add("weights", "comma-separated role=weight pairs, e.g. prod=2,dev=0.5")
        .Add("min-allocatable-resources", "offers smaller than every alternative are not made", "cpus:0.01|mem:32")
        .Add("role-sorter", "order of roles: drf or random", "drf")
        .Add("framework-sorter", "order of frameworks within a role: drf or random", "drf")
        .Add("fair-sharing-excluded-resource-names", "comma-separated names left out of DRF shares, e.g. gpus")
        .AddBool("filter-gpu-resources", "offer GPU agents only to GPU_RESOURCES frameworks", true)
        .Add("max-completed-frameworks", "completed frameworks kept for the state endpoints", "50")
        .Add("max-completed-tasks-per-framework", "completed tasks kept per framework", "1000")
        .AddBool("authenticate-frameworks", "require framework authentication (not available yet)")
        .AddBool("authenticate-agents", "require agent authentication (not available yet)")
        .AddBool("authenticate-http-readwrite", "require HTTP authentication for writes (not available yet)")
        .AddBool("authenticate-http-readonly", "require HTTP authentication for reads (not available yet)");

    /// <summary>Parses and validates; a <see cref="FlagException"/> names the offending flag.</summary>
    public static MasterOptions Parse(IReadOnlyList<string> args)
    {
        var flags = Declare();
        flags.Parse(args);
        foreach (var auth in new[] { "authenticate-frameworks", "authenticate-agents", "authenticate-http-readwrite", "authenticate-http-readonly" })
            if (flags.Bool(auth))
                throw new FlagException($"flag '--{auth}': authentication is not available yet");
        var registry = flags.String("registry");
        if (registry is not ("sqlite" or "in_memory"))
            throw new FlagException($"flag '--registry' must be sqlite or in_memory, not '{registry}'");
        return new MasterOptions
        {
            Ip = Address(flags.String("ip")),
            Port = flags.Int("port", 0, 65535),
            Hostname = flags.Raw("hostname"),
            WorkDir = flags.Raw("work-dir") ?? throw new FlagException("flag '--work-dir' is required"),
            AllocationInterval = flags.Duration("allocation-interval", TimeSpan.FromMilliseconds(1)),
            OfferTimeout = flags.OptionalDuration("offer-timeout"),
            AgentPingTimeout = flags.Duration("agent-ping-timeout", TimeSpan.FromMilliseconds(1)),
            MaxAgentPingTimeouts = flags.Int("max-agent-ping-timeouts", 1),
            HeartbeatInterval = flags.Duration("heartbeat-interval", TimeSpan.FromMilliseconds(1)),
            AgentReregisterTimeout = flags.Duration("agent-reregister-timeout", TimeSpan.FromMilliseconds(1)),
            Registry = registry,
            Roles = Roles(flags.Raw("roles")),
            Weights = Weights(flags.Raw("weights")),
            MaxCompletedFrameworks = flags.Int("max-completed-frameworks", 0),
            MaxCompletedTasksPerFramework = flags.Int("max-completed-tasks-per-framework", 0),
            Allocator = new AllocatorOptions
            {
                MinAllocatable = MinAllocatableFrom(flags.String("min-allocatable-resources")),
                RoleSorter = Sorter(flags.String("role-sorter"), "role-sorter"),
                FrameworkSorter = Sorter(flags.String("framework-sorter"), "framework-sorter"),
                FairSharingExcludedNames = [.. List(flags.Raw("fair-sharing-excluded-resource-names"))],
                FilterGpuResources = flags.Bool("filter-gpu-resources"),
            },
        };
    }

    private static string Address(string ip) =>
        System.Net.IPAddress.TryParse(ip, out _) ? ip : throw new FlagException($"flag '--ip' must be an IP address, not '{ip}'");

    private static SorterKind Sorter(string value, string flag) => value switch
    {
        "drf" => SorterKind.Drf,
        "random" => SorterKind.Random,
        _ => throw new FlagException($"flag '--{flag}' must be drf or random, not '{value}'"),
    };

    private static MinAllocatable MinAllocatableFrom(string text)
    {
        try
        {
            return MinAllocatable.Parse(text);
        }
        catch (ResourceParseException e)
        {
            throw new FlagException($"flag '--min-allocatable-resources': {e.Message}");
        }
    }

    private static IEnumerable<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static ImmutableArray<string> Roles(string? text)
    {
        var roles = List(text).ToImmutableArray();
        foreach (var role in roles)
            if (RoleName.Validate(role) is { } bad)
                throw new FlagException($"flag '--roles': {bad}");
        return roles;
    }

    private static ImmutableDictionary<string, double> Weights(string? text)
    {
        var weights = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (var pair in List(text))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !double.TryParse(pair[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w > 0) || !double.IsFinite(w))
                throw new FlagException($"flag '--weights': '{pair}' must be role=weight with a positive weight");
            var role = pair[..eq];
            if (RoleName.Validate(role) is { } bad) throw new FlagException($"flag '--weights': {bad}");
            weights[role] = w;
        }
        return weights.ToImmutable();
    }
}
