using System.CommandLine;
using System.Globalization;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Commands;

/// <summary><c>tessera framework list|show ID|teardown ID</c> (GET_STATE, TEARDOWN).</summary>
internal static class FrameworkCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var all = new Option<bool>("--all") { Description = "also list frameworks that have been removed" };
        var list = new Command("list", "list frameworks: id, name, roles, active/connected, tasks, resources allocated\n\nExamples:\n  tessera framework list\n  tessera framework list --all --json") { all };
        CliAction.Set(list, global, stdout, stderr, (parse, cli, ct) => ListAsync(parse.GetValue(all), cli, ct));

        var showId = new Argument<string>("ID") { Description = "the framework id (from 'tessera framework list')" };
        var show = new Command("show", "show a framework: its info, state, resources, offers and tasks\n\nExamples:\n  tessera framework show 5b1d…-0001\n  tessera framework show 5b1d…-0001 --json") { showId };
        CliAction.Set(show, global, stdout, stderr, (parse, cli, ct) => ShowAsync(parse.GetValue(showId)!, cli, ct));

        var teardownId = new Argument<string>("ID") { Description = "the framework id" };
        var teardown = new Command("teardown", "remove a framework now: the master kills all its tasks and forgets it (Operator TEARDOWN; asks no confirmation)\n\nExamples:\n  tessera framework teardown 5b1d…-0001") { teardownId };
        CliAction.Set(teardown, global, stdout, stderr, (parse, cli, ct) => TeardownAsync(parse.GetValue(teardownId)!, cli, ct));

        return new Command("framework", "frameworks (schedulers) registered with the master") { list, show, teardown };
    }

    private static async Task<int> ListAsync(bool all, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState ?? new GetStateResponse();
        var frameworks = state.GetFrameworks ?? new GetFrameworksResponse();
        if (!all) frameworks = frameworks with { CompletedFrameworks = null };
        if (cli.Json)
        {
            cli.Out.WriteLine(MesosJson.Serialize(frameworks));
            return TesseraCommand.ExitOk;
        }
        Table.Write(cli.Out, ["ID", "NAME", "ROLES", "STATE", "TASKS", "ALLOCATED"], Rows(frameworks, state.GetTasks));
        return TesseraCommand.ExitOk;
    }

    /// <summary>The rows of <c>framework list</c> (pure): live frameworks, then removed ones.</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(GetFrameworksResponse frameworks, GetTasksResponse? tasks)
    {
        var live = (tasks?.Tasks ?? []).Concat(tasks?.UnreachableTasks ?? []).ToLookup(t => t.FrameworkId.Value);
        return (frameworks.Frameworks ?? []).Select(f => (Entry: f, Removed: false))
            .Concat((frameworks.CompletedFrameworks ?? []).Select(f => (Entry: f, Removed: true)))
            .Select(x => (IReadOnlyList<string>)
            [
                x.Entry.FrameworkInfo.Id?.Value ?? "-",
                x.Entry.FrameworkInfo.Name,
                Roles(x.Entry.FrameworkInfo),
                x.Removed ? "removed" : StateText(x.Entry),
                live[x.Entry.FrameworkInfo.Id?.Value ?? ""].Count().ToString(CultureInfo.InvariantCulture),
                ResourceText.Of(x.Entry.AllocatedResources),
            ]);
    }

    public static string Roles(FrameworkInfo info) =>
        info.Roles is { Count: > 0 } roles ? string.Join(",", roles) : info.Role ?? "*";

    public static string StateText(FrameworkEntry entry) =>
        (entry.Active ? "active" : "inactive") + (entry.Connected ? "" : ", disconnected");

    private static async Task<int> ShowAsync(string id, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState ?? new GetStateResponse();
        var (entry, removed) = Find(state.GetFrameworks, id);
        var tasks = (state.GetTasks?.Tasks ?? []).Concat(state.GetTasks?.UnreachableTasks ?? []).Where(t => t.FrameworkId.Value == id).ToList();
        if (cli.Json)
        {
            cli.Out.WriteLine(MesosJson.Serialize(new GetStateResponse
            {
                GetFrameworks = removed ? new GetFrameworksResponse { CompletedFrameworks = [entry] } : new GetFrameworksResponse { Frameworks = [entry] },
                GetTasks = new GetTasksResponse { Tasks = tasks },
            }));
            return TesseraCommand.ExitOk;
        }
        Describe(cli.Out, entry, removed, tasks);
        return TesseraCommand.ExitOk;
    }

    /// <summary>The framework with <paramref name="id"/> (live first), or exit 1 naming it.</summary>
    public static (FrameworkEntry Entry, bool Removed) Find(GetFrameworksResponse? frameworks, string id)
    {
        if (frameworks?.Frameworks?.FirstOrDefault(f => f.FrameworkInfo.Id?.Value == id) is { } live) return (live, false);
        if (frameworks?.CompletedFrameworks?.FirstOrDefault(f => f.FrameworkInfo.Id?.Value == id) is { } gone) return (gone, true);
        var known = frameworks?.Frameworks?.Count ?? 0;
        throw new CliException($"no framework '{id}' (the master has {known} framework{(known == 1 ? "" : "s")}; 'tessera framework list --all' lists them)");
    }

    /// <summary>The text of <c>framework show</c> (pure over its arguments).</summary>
    public static void Describe(TextWriter output, FrameworkEntry entry, bool removed, IReadOnlyList<MesosTask> tasks)
    {
        var info = entry.FrameworkInfo;
        output.WriteLine($"id           {info.Id?.Value ?? "-"}");
        output.WriteLine($"name         {info.Name}");
        output.WriteLine($"state        {(removed ? $"removed {TimeText.Of(entry.UnregisteredTime)}" : StateText(entry))}");
        output.WriteLine($"roles        {Roles(info)}");
        output.WriteLine($"user         {info.User}{(info.Principal is null ? "" : $" (principal {info.Principal})")}");
        output.WriteLine($"registered   {TimeText.Of(entry.RegisteredTime)}{(entry.ReregisteredTime is null ? "" : $", re-registered {TimeText.Of(entry.ReregisteredTime)}")}");
        output.WriteLine($"failover     {(info.FailoverTimeout is { } f ? ResourceText.Number(f) + " s" : "-")}, checkpoint {(info.Checkpoint == true ? "yes" : "no")}");
        output.WriteLine($"capabilities {(info.Capabilities is { Count: > 0 } caps ? string.Join(", ", caps.Select(c => c.Type?.ToString() ?? "UNKNOWN")) : "none")}");
        if (info.WebuiUrl is { } ui) output.WriteLine($"web ui       {ui}");
        output.WriteLine($"allocated    {ResourceText.Of(entry.AllocatedResources)}");
        output.WriteLine($"offered      {ResourceText.Of(entry.OfferedResources)} ({entry.Offers?.Count ?? 0} offer{(entry.Offers?.Count == 1 ? "" : "s")})");
        output.WriteLine($"tasks        {(tasks.Count == 0 ? "none" : tasks.Count.ToString(CultureInfo.InvariantCulture))}");
        if (tasks.Count == 0) return;
        output.WriteLine();
        Table.Write(output, ["TASK", "STATE", "AGENT", "RESOURCES"], tasks
            .OrderBy(t => t.TaskId.Value, StringComparer.Ordinal)
            .Select(t => (IReadOnlyList<string>)[t.TaskId.Value, TaskStateText.Of(t.State), t.AgentId.Value, ResourceText.Of(t.Resources)]));
    }

    private static async Task<int> TeardownAsync(string id, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState;
        var (entry, removed) = Find(state?.GetFrameworks, id);
        if (removed) throw new CliException($"framework '{id}' ({entry.FrameworkInfo.Name}) was already removed {TimeText.Of(entry.UnregisteredTime)}");
        var tasks = (state?.GetTasks?.Tasks ?? []).Count(t => t.FrameworkId.Value == id);
        await client.CallAsync(new OperatorCall { Type = OperatorCallType.TEARDOWN, Teardown = new TeardownCall { FrameworkId = FrameworkID.Of(id) } }, ct);
        cli.Out.WriteLine($"framework {id} ({entry.FrameworkInfo.Name}) torn down; its {tasks} task{(tasks == 1 ? " is" : "s are")} being killed");
        return TesseraCommand.ExitOk;
    }
}
