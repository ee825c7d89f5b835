using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Core.Flags;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera maintenance schedule|unschedule|status|start|stop|drain|reactivate</c>: the Operator
/// API's maintenance and drain calls. Machines are hostnames, as the master matches agents to them.
/// </summary>
internal static class MaintenanceCommands
{
    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var maintenance = new Command("maintenance", "machine maintenance (schedule, take down, bring up) and agent drains");
        maintenance.Subcommands.Add(Schedule(global, stdout, stderr));
        maintenance.Subcommands.Add(Unschedule(global, stdout, stderr));
        maintenance.Subcommands.Add(Status(global, stdout, stderr));
        maintenance.Subcommands.Add(StartOrStop("start", "take scheduled machines DOWN: their agents get no more offers\n\nExamples:\n  tessera maintenance start node-7", OperatorCallType.START_MAINTENANCE, global, stdout, stderr));
        maintenance.Subcommands.Add(StartOrStop("stop", "bring DOWN machines back UP: their agents are offered again and the machines leave the schedule\n\nExamples:\n  tessera maintenance stop node-7", OperatorCallType.STOP_MAINTENANCE, global, stdout, stderr));
        maintenance.Subcommands.Add(Drain(global, stdout, stderr));
        maintenance.Subcommands.Add(Reactivate(global, stdout, stderr));
        return maintenance;
    }

    private static Argument<string[]> Hosts(ArgumentArity arity) => new("HOST") { Description = "machines by hostname (as the agents registered)", Arity = arity };

    private static Command Schedule(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var hosts = Hosts(ArgumentArity.ZeroOrMore);
        var start = new Option<string>("--start") { Description = "when the window starts: now (default), a duration from now (30mins) or a time (2026-12-01T02:00Z)" };
        var duration = new Option<string>("--duration") { Description = "how long the machines are unavailable (default 1hrs)", DefaultValueFactory = _ => "1hrs" };
        var schedule = new Command("schedule", "show the maintenance schedule, or add a window for HOSTs (moving them out of any other window)\n\nExamples:\n  tessera maintenance schedule\n  tessera maintenance schedule node-7 node-8 --start 30mins --duration 2hrs")
        {
            hosts, start, duration,
        };
        CliAction.Set(schedule, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var machines = (parse.GetValue(hosts) ?? []).Select(MaintenanceText.Machine).Distinct().ToList();
            using var client = cli.Operator();
            if (machines.Count > 0)
            {
                var from = MaintenanceText.Start(parse.GetValue(start), DateTimeOffset.UtcNow);
                var length = MaintenanceText.Duration(parse.GetValue(duration)!);
                var current = await CurrentScheduleAsync(client, ct);
                await UpdateScheduleAsync(client, MaintenanceText.With(current, machines, from, length), ct);
                cli.Out.WriteLine($"scheduled {string.Join(", ", machines.Select(MaintenanceText.Name))} from {TimeText.Of(from)} for {DurationText.Format(length)}");
                return TesseraCommand.ExitOk;
            }
            var shown = await CurrentScheduleAsync(client, ct);
            if (cli.Json)
            {
                cli.Out.WriteLine(MesosJson.Serialize(new GetMaintenanceScheduleResponse { Schedule = shown ?? new MaintenanceSchedule() }));
                return TesseraCommand.ExitOk;
            }
            var status = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_MAINTENANCE_STATUS }, ct)).GetMaintenanceStatus?.Status;
            var rows = MaintenanceText.ScheduleRows(shown, [.. status?.DownMachines ?? []]).ToList();
            if (rows.Count == 0) cli.Out.WriteLine("no maintenance is scheduled");
            else Table.Write(cli.Out, ["MACHINE", "START", "DURATION", "MODE"], rows);
            return TesseraCommand.ExitOk;
        });
        return schedule;
    }

    private static Command Unschedule(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var hosts = Hosts(ArgumentArity.OneOrMore);
        var unschedule = new Command("unschedule", "take HOSTs out of the maintenance schedule (a DOWN machine must be stopped first)\n\nExamples:\n  tessera maintenance unschedule node-7") { hosts };
        CliAction.Set(unschedule, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var machines = (parse.GetValue(hosts) ?? []).Select(MaintenanceText.Machine).Distinct().ToList();
            using var client = cli.Operator();
            var current = await CurrentScheduleAsync(client, ct);
            var scheduled = (current?.Windows ?? []).SelectMany(w => w.MachineIds ?? []).ToHashSet();
            if (machines.FirstOrDefault(m => !scheduled.Contains(m)) is { } missing)
                throw new CliException($"machine '{MaintenanceText.Name(missing)}' is not in the maintenance schedule ('tessera maintenance schedule' shows it)");
            await UpdateScheduleAsync(client, MaintenanceText.Without(current, machines), ct);
            cli.Out.WriteLine($"unscheduled {string.Join(", ", machines.Select(MaintenanceText.Name))}");
            return TesseraCommand.ExitOk;
        });
        return unschedule;
    }

    private static Command Status(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var status = new Command("status", "machines under maintenance: draining (scheduled) or down\n\nExamples:\n  tessera maintenance status\n  tessera maintenance status --json");
        CliAction.Set(status, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = cli.Operator();
            var answer = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_MAINTENANCE_STATUS }, ct)).GetMaintenanceStatus
                ?? new GetMaintenanceStatusResponse { Status = new MaintenanceStatus() };
            if (cli.Json)
            {
                cli.Out.WriteLine(MesosJson.Serialize(answer));
                return TesseraCommand.ExitOk;
            }
            var rows = (answer.Status.DrainingMachines ?? []).Select(m => (IReadOnlyList<string>)[MaintenanceText.Name(m.Id), "draining"])
                .Concat((answer.Status.DownMachines ?? []).Select(m => (IReadOnlyList<string>)[MaintenanceText.Name(m), "down"])).ToList();
            if (rows.Count == 0) cli.Out.WriteLine("no machine is under maintenance");
            else Table.Write(cli.Out, ["MACHINE", "MODE"], rows);
            return TesseraCommand.ExitOk;
        });
        return status;
    }

    private static Command StartOrStop(string name, string description, OperatorCallType type, GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var hosts = Hosts(ArgumentArity.OneOrMore);
        var command = new Command(name, description) { hosts };
        CliAction.Set(command, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var machines = (parse.GetValue(hosts) ?? []).Select(MaintenanceText.Machine).Distinct().ToList();
            using var client = cli.Operator();
            await client.CallAsync(type == OperatorCallType.START_MAINTENANCE
                ? new OperatorCall { Type = type, StartMaintenance = new StartMaintenanceCall { Machines = machines } }
                : new OperatorCall { Type = type, StopMaintenance = new StopMaintenanceCall { Machines = machines } }, ct);
            cli.Out.WriteLine($"{string.Join(", ", machines.Select(MaintenanceText.Name))} {(type == OperatorCallType.START_MAINTENANCE ? "down" : "up")}");
            return TesseraCommand.ExitOk;
        });
        return command;
    }

    private static Command Drain(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("AGENT_ID") { Description = "the agent (from 'tessera agent list')" };
        var grace = new Option<string>("--grace") { Description = "the longest kill grace period its tasks get, e.g. 10secs (default: each task's own)" };
        var markGone = new Option<bool>("--mark-gone") { Description = "mark the agent gone once drained: it can never register again" };
        var drain = new Command("drain", "drain an agent: kill its tasks, make no more offers of it\n\nExamples:\n  tessera maintenance drain 2f4c…-S0\n  tessera maintenance drain 2f4c…-S0 --grace 30secs --mark-gone") { id, grace, markGone };
        CliAction.Set(drain, global, stdout, stderr, async (parse, cli, ct) =>
        {
            DurationInfo? max = null;
            if (parse.GetValue(grace) is { } text)
                max = DurationText.TryParse(text, out var d, out var error)
                    ? DurationInfo.From(d)
                    : throw new CliException($"--grace '{text}': {error}", TesseraCommand.ExitUsage);
            var agent = parse.GetValue(id)!;
            using var client = cli.Operator();
            await RequireAgentAsync(client, agent, ct);
            await client.CallAsync(new OperatorCall
            {
                Type = OperatorCallType.DRAIN_AGENT,
                DrainAgent = new DrainAgentCall { AgentId = AgentID.Of(agent), MaxGracePeriod = max, MarkGone = parse.GetValue(markGone) ? true : null },
            }, ct);
            cli.Out.WriteLine($"agent {agent} draining{(parse.GetValue(markGone) ? "; it will be marked gone once drained" : "")}");
            return TesseraCommand.ExitOk;
        });
        return drain;
    }

    private static Command Reactivate(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("AGENT_ID") { Description = "the agent" };
        var reactivate = new Command("reactivate", "offer a deactivated or drained agent again (clears a drain)\n\nExamples:\n  tessera maintenance reactivate 2f4c…-S0") { id };
        CliAction.Set(reactivate, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var agent = parse.GetValue(id)!;
            using var client = cli.Operator();
            await RequireAgentAsync(client, agent, ct);
            await client.CallAsync(new OperatorCall { Type = OperatorCallType.REACTIVATE_AGENT, ReactivateAgent = new ReactivateAgentCall { AgentId = AgentID.Of(agent) } }, ct);
            cli.Out.WriteLine($"agent {agent} reactivated");
            return TesseraCommand.ExitOk;
        });
        return reactivate;
    }

    private static async Task RequireAgentAsync(OperatorClient client, string id, CancellationToken ct)
    {
        var agents = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_AGENTS }, ct)).GetAgents?.Agents ?? [];
        if (agents.All(a => a.AgentInfo.Id?.Value != id))
            throw new CliException($"no agent '{id}' (the master has {agents.Count} registered agent{(agents.Count == 1 ? "" : "s")}; 'tessera agent list' lists them)");
    }

    private static async Task<MaintenanceSchedule?> CurrentScheduleAsync(OperatorClient client, CancellationToken ct) =>
        (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_MAINTENANCE_SCHEDULE }, ct)).GetMaintenanceSchedule?.Schedule;

    private static Task UpdateScheduleAsync(OperatorClient client, MaintenanceSchedule schedule, CancellationToken ct) =>
        client.CallAsync(new OperatorCall { Type = OperatorCallType.UPDATE_MAINTENANCE_SCHEDULE, UpdateMaintenanceSchedule = new UpdateMaintenanceScheduleCall { Schedule = schedule } }, ct);
}
