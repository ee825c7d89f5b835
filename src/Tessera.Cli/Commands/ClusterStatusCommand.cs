using System.CommandLine;
using System.Globalization;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;
using Tessera.Core.Resources;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera cluster status</c>: the leader, agents, resources used of total per kind, frameworks and tasks by state.</summary>
internal static class ClusterStatusCommand
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var watch = new Option<bool>("--watch") { Description = "refresh every 2 s (in place on a terminal, a new snapshot when piped) until Ctrl-C" };
        var status = new Command("status", "show the leading master, agents, resources used/total, frameworks and tasks by state\n\nExamples:\n  tessera cluster status\n  tessera cluster status --watch\n  tessera cluster status --json --master 10.0.0.5:5050") { watch };
        CliAction.Set(status, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = cli.Operator();
            async Task<string> Render(CancellationToken token)
            {
                var master = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_MASTER }, token)).GetMaster;
                var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, token)).GetState;
                return Frame(ClusterSummary.From(master, state), cli.Json);
            }
            if (parse.GetValue(watch)) return await LiveView.RunAsync(cli.Out, TaskCommands.WatchInterval, Render, ct);
            await cli.Out.WriteAsync(await Render(ct));
            return TesseraCommand.ExitOk;
        });
        var cluster = new Command("cluster", "the cluster as a whole") { status };
        return cluster;
    }

    /// <summary>What <c>cluster status</c> prints for one summary (pure): lines, or its JSON.</summary>
    public static string Frame(ClusterSummary summary, bool json)
    {
        if (json) return System.Text.Json.JsonSerializer.Serialize(summary, CliJsonContext.Default.ClusterSummary) + "\n";
        var output = new StringWriter();
        output.WriteLine($"master      {summary.Leader} (leader, version {summary.Version})");
        output.WriteLine($"agents      {summary.AgentsActive} active, {summary.AgentsInactive} inactive, {summary.AgentsRecovered} not yet re-registered");
        foreach (var use in summary.Resources)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{use.Name,-11} {use.Used:0.##} of {use.Total:0.##} used"));
        output.WriteLine($"frameworks  {summary.FrameworksActive} active, {summary.FrameworksInactive} inactive");
        output.WriteLine($"tasks       {(summary.Tasks.Count == 0 ? "none" : string.Join(", ", summary.Tasks.Select(t => $"{t.Count} {t.State}")))}");
        return output.ToString();
    }
}

/// <summary>What <c>cluster status</c> shows (also its --json form).</summary>
internal sealed record ClusterSummary(
    string Leader, string Version, int AgentsActive, int AgentsInactive, int AgentsRecovered,
    IReadOnlyList<ResourceUse> Resources,
    int FrameworksActive, int FrameworksInactive, IReadOnlyList<TaskCount> Tasks)
{
    public static ClusterSummary From(GetMasterResponse? master, GetStateResponse? state)
    {
        var info = master?.MasterInfo;
        var agents = state?.GetAgents?.Agents ?? [];
        var total = agents.Aggregate(ResourceSet.Empty, (sum, a) => sum + ResourceWireForm.FromWire(a.TotalResources ?? []));
        var used = agents.Aggregate(ResourceSet.Empty, (sum, a) => sum + ResourceWireForm.FromWire(a.AllocatedResources ?? []));
        var kinds = new[] { ResourceNames.Cpus, ResourceNames.Mem, ResourceNames.Disk, ResourceNames.Gpus };
        var resources = kinds.Select(k => new ResourceUse(k, used.Scalar(k).Value, total.Scalar(k).Value)).Where(r => r.Total > 0).ToList();
        var tasks = (state?.GetTasks?.Tasks ?? []).Concat(state?.GetTasks?.CompletedTasks ?? []).Concat(state?.GetTasks?.UnreachableTasks ?? [])
            .GroupBy(t => t.State.ToString()!.Replace("TASK_", "", StringComparison.Ordinal).ToLowerInvariant())
            .Select(g => new TaskCount(g.Key, g.Count())).OrderBy(g => g.State, StringComparer.Ordinal).ToList();
        var frameworks = state?.GetFrameworks?.Frameworks ?? [];
        return new ClusterSummary(
            info?.Address is { } address ? $"{address.Hostname ?? address.Ip}:{address.Port}" : info?.Hostname ?? "unknown",
            info?.Version ?? "unknown",
            agents.Count(a => a.Active), agents.Count(a => !a.Active), state?.GetAgents?.RecoveredAgents?.Count ?? 0,
            resources, frameworks.Count(f => f.Active), frameworks.Count(f => !f.Active), tasks);
    }
}

internal sealed record ResourceUse(string Name, double Used, double Total);

internal sealed record TaskCount(string State, int Count);
