using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera agent list</c> and <c>tessera agent show ID</c> (GET_AGENTS, GET_TASKS). Only these two
/// verbs: <c>tessera agent</c> with anything else runs an agent (see <see cref="ClientCommandLine.AgentClientVerbs"/>).
/// </summary>
internal static class AgentCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var list = new Command("list", "list the registered agents: id, address, active, resources used/total per kind\n\nExamples:\n  tessera agent list\n  tessera agent list --json");
        CliAction.Set(list, global, stdout, stderr, ListAsync);

        var id = new Argument<string>("ID") { Description = "the agent id (from 'tessera agent list')" };
        var show = new Command("show", "show an agent: address, attributes, total/allocated/offered resources and its tasks\n\nExamples:\n  tessera agent show 2f4c…-S0\n  tessera agent show 2f4c…-S0 --json") { id };
        CliAction.Set(show, global, stdout, stderr, (parse, cli, ct) => ShowAsync(parse.GetValue(id)!, cli, ct));

        // 'tessera agent' without list/show runs an agent (Mesos-style flags), routed before this parser.
        return new Command("agent", "registered agents (to run an agent: 'tessera agent --work-dir=… --master=…')") { list, show };
    }

    private static async Task<int> ListAsync(ParseResult parse, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var agents = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_AGENTS }, ct)).GetAgents ?? new GetAgentsResponse();
        if (cli.Json)
        {
            cli.Out.WriteLine(MesosJson.Serialize(agents));
            return TesseraCommand.ExitOk;
        }
        Table.Write(cli.Out, ["ID", "ADDRESS", "ACTIVE", "RESOURCES (used/total)"], Rows(agents));
        return TesseraCommand.ExitOk;
    }

    /// <summary>The rows of <c>agent list</c> (pure).</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(GetAgentsResponse agents) =>
        (agents.Agents ?? [])
            .OrderBy(a => a.AgentInfo.Hostname, StringComparer.Ordinal).ThenBy(a => a.AgentInfo.Port)
            .Select(a => (IReadOnlyList<string>)
            [
                a.AgentInfo.Id?.Value ?? "-",
                AgentAddress.Text(a.AgentInfo),
                Activity(a),
                ResourceText.UsedOfTotal(a.AllocatedResources, a.TotalResources),
            ]);

    /// <summary>yes, no, or why not: deactivated, draining/drained.</summary>
    public static string Activity(AgentEntry agent) => agent.DrainInfo is { } drain
        ? $"no ({drain.State.ToString().ToLowerInvariant()})"
        : agent.Active && agent.Deactivated != true ? "yes" : agent.Deactivated == true ? "no (deactivated)" : "no";

    private static async Task<int> ShowAsync(string id, CliContext cli, CancellationToken ct)
    {
        using var client = cli.Operator();
        var state = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, ct)).GetState;
        var agent = state?.GetAgents?.Agents?.FirstOrDefault(a => a.AgentInfo.Id?.Value == id);
        if (agent is null)
        {
            var known = state?.GetAgents?.Agents?.Count ?? 0;
            throw new CliException($"no agent '{id}' (the master has {known} registered agent{(known == 1 ? "" : "s")}; 'tessera agent list' lists them)");
        }
        var tasks = (state?.GetTasks?.Tasks ?? []).Concat(state?.GetTasks?.UnreachableTasks ?? []).Where(t => t.AgentId.Value == id).ToList();
        if (cli.Json)
        {
            cli.Out.WriteLine(MesosJson.Serialize(new GetStateResponse
            {
                GetAgents = new GetAgentsResponse { Agents = [agent] },
                GetTasks = new GetTasksResponse { Tasks = tasks },
            }));
            return TesseraCommand.ExitOk;
        }
        Describe(cli.Out, agent, tasks);
        return TesseraCommand.ExitOk;
    }

    /// <summary>The text of <c>agent show</c> (pure over its arguments).</summary>
    public static void Describe(TextWriter output, AgentEntry agent, IReadOnlyList<MesosTask> tasks)
    {
        var info = agent.AgentInfo;
        output.WriteLine($"id          {info.Id?.Value ?? "-"}");
        output.WriteLine($"address     {AgentAddress.Text(info)}");
        output.WriteLine($"active      {Activity(agent)}");
        output.WriteLine($"version     {agent.Version ?? "-"}");
        output.WriteLine($"registered  {TimeText.Of(agent.RegisteredTime)}{(agent.ReregisteredTime is null ? "" : $", re-registered {TimeText.Of(agent.ReregisteredTime)}")}");
        output.WriteLine($"attributes  {AttributeText(info.Attributes)}");
        output.WriteLine($"total       {ResourceText.Of(agent.TotalResources)}");
        output.WriteLine($"allocated   {ResourceText.Of(agent.AllocatedResources)}");
        output.WriteLine($"offered     {ResourceText.Of(agent.OfferedResources)}");
        output.WriteLine($"tasks       {(tasks.Count == 0 ? "none" : tasks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        if (tasks.Count == 0) return;
        output.WriteLine();
        Table.Write(output, ["TASK", "FRAMEWORK", "STATE", "RESOURCES"], tasks
            .OrderBy(t => t.TaskId.Value, StringComparer.Ordinal)
            .Select(t => (IReadOnlyList<string>)[t.TaskId.Value, t.FrameworkId.Value, TaskStateText.Of(t.State), ResourceText.Of(t.Resources)]));
    }

    /// <summary><c>rack:r1; zone:a</c> (pure).</summary>
    public static string AttributeText(IReadOnlyList<AgentAttribute>? attributes) =>
        attributes is null || attributes.Count == 0 ? "none" : string.Join("; ", attributes.Select(a => $"{a.Name}:{a.Type switch
        {
            ValueKind.SCALAR => ResourceText.Number(a.Scalar?.Value ?? 0),
            ValueKind.RANGES => "[" + string.Join(",", (a.Ranges?.Range ?? []).Select(r => $"{r.Begin}-{r.End}")) + "]",
            ValueKind.SET => "{" + string.Join(",", a.Set?.Item ?? []) + "}",
            _ => a.Text?.Value ?? "",
        }}"));
}
