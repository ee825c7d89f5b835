using System.CommandLine;
using Tessera.Cli.Client;
using Tessera.Core.Protocol;
using Tessera.Core.Protocol.Json;
using Tessera.Core.Protocol.Operator;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tessera task list|show|logs|run|kill</c>: tasks from the master's Operator API, their output from
/// the sandbox files API of the agent they run on, commands in their containers through the agent's
/// Operator API. <c>logs</c> and <c>run</c> also take a Tessera Jobs instance (<c>KEY/INST</c>),
/// resolved through the jobs scheduler (<c>--jobs</c>).
/// </summary>
internal static class TaskCommands
{
    /// <summary>How often <c>task logs -f</c> looks for more output.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>How often <c>task list --watch</c> refreshes.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var jobs = new Option<string>("--jobs")
        {
            Description = "the jobs scheduler for KEY/INST targets, host:port or http://host:port (default: $TESSERA_JOBS, else the KEY's cluster in clusters.json)",
            Recursive = true,
        };
        var task = new Command("task", "tasks: list them, show one, read its output, run a command in its container") { jobs };
        task.Subcommands.Add(List(global, stdout, stderr));
        task.Subcommands.Add(Show(global, stdout, stderr));
        task.Subcommands.Add(Logs(global, stdout, stderr, jobs));
        task.Subcommands.Add(RunIn(global, stdout, stderr, jobs));
        task.Subcommands.Add(Kill(global, stdout, stderr));
        return task;
    }

    /// <summary>The jobs scheduler of <paramref name="target"/>'s cluster (clusters.json), unless --jobs or $TESSERA_JOBS say otherwise.</summary>
    private static Func<JobsClient> Jobs(ParseResult parse, Option<string> jobs, TaskTarget target) =>
        () => new JobsClient(JobsTarget.Resolve(parse, jobs, target.Job?.Key.ToString()));

    private static Option<string> FrameworkOption(string description) => new("--framework") { Description = description };

    private static Argument<string> IdArgument() => new("ID") { Description = "the task id (from 'tessera task list')" };

    // ---- list ----

    private static Command List(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var framework = FrameworkOption("only the tasks of this framework");
        var state = new Option<string[]>("--state") { Description = "only tasks in these states (running, staging, finished, failed, …; comma-separated or repeated)", AllowMultipleArgumentsPerToken = false };
        var all = new Option<bool>("--all") { Description = "include completed tasks (by default only live ones)" };
        var watch = new Option<bool>("--watch") { Description = "refresh every 2 s (in place on a terminal, a new snapshot when piped) until Ctrl-C" };
        var list = new Command("list", "list tasks: id, name, framework, state, agent, resources\n\nExamples:\n  tessera task list\n  tessera task list --state running --framework 5b1d…-0001\n  tessera task list --all --json\n  tessera task list --watch")
        {
            framework, state, all, watch,
        };
        CliAction.Set(list, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var filter = new TaskFilter(parse.GetValue(framework), TaskFilter.ParseStates(parse.GetValue(state)), parse.GetValue(all));
            using var client = cli.Operator();
            async Task<string> Render(CancellationToken token)
            {
                var snapshot = (await client.CallAsync(new OperatorCall { Type = OperatorCallType.GET_STATE }, token)).GetState;
                return ListFrame(snapshot, filter, cli.Json);
            }
            if (parse.GetValue(watch)) return await LiveView.RunAsync(cli.Out, WatchInterval, Render, ct);
            await cli.Out.WriteAsync(await Render(ct));
            return TesseraCommand.ExitOk;
        });
        return list;
    }

    /// <summary>What <c>task list</c> prints for one state of the cluster (pure): a table, or the Mesos JSON of the tasks.</summary>
    public static string ListFrame(GetStateResponse? state, TaskFilter filter, bool json)
    {
        var tasks = filter.Apply(state?.GetTasks);
        if (json) return MesosJson.Serialize(tasks) + "\n";
        var agents = (state?.GetAgents?.Agents ?? []).Where(a => a.AgentInfo.Id is not null)
            .ToDictionary(a => a.AgentInfo.Id!.Value, a => AgentAddress.Text(a.AgentInfo));
        var names = (state?.GetFrameworks?.Frameworks ?? []).Concat(state?.GetFrameworks?.CompletedFrameworks ?? [])
            .Where(f => f.FrameworkInfo.Id is not null)
            .GroupBy(f => f.FrameworkInfo.Id!.Value).ToDictionary(g => g.Key, g => g.First().FrameworkInfo.Name);
        var rows = TaskFilter.Flatten(tasks).Select(t => (IReadOnlyList<string>)
        [
            t.TaskId.Value,
            t.Name,
            names.TryGetValue(t.FrameworkId.Value, out var name) ? $"{name} ({t.FrameworkId.Value})" : t.FrameworkId.Value,
            TaskStateText.Of(t.State),
            agents.GetValueOrDefault(t.AgentId.Value, t.AgentId.Value),
            ResourceText.Of(t.Resources),
        ]).ToList();
        if (rows.Count == 0) return filter.IncludesCompleted ? "no tasks\n" : "no live tasks (--all includes completed ones)\n";
        var text = new StringWriter();
        Table.Write(text, ["ID", "NAME", "FRAMEWORK", "STATE", "AGENT", "RESOURCES"], rows);
        return text.ToString();
    }

    // ---- show ----

    private static Command Show(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = IdArgument();
        var framework = FrameworkOption("the task's framework, when several frameworks use the id");
        var show = new Command("show", "show a task: state history, agent, sandbox, resources\n\nExamples:\n  tessera task show web-1\n  tessera task show web-1 --framework 5b1d…-0001 --json") { id, framework };
        CliAction.Set(show, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = cli.Operator();
            var located = await TaskLocator.FindAsync(client, parse.GetValue(id)!, parse.GetValue(framework), ct);
            if (cli.Json) cli.Out.WriteLine(MesosJson.Serialize(located.Task));
            else Describe(cli.Out, located);
            return TesseraCommand.ExitOk;
        });
        return show;
    }

    /// <summary>The text of <c>task show</c> (pure over its argument).</summary>
    public static void Describe(TextWriter output, LocatedTask located)
    {
        var t = located.Task;
        output.WriteLine($"id         {t.TaskId.Value}");
        output.WriteLine($"name       {t.Name}");
        output.WriteLine($"framework  {t.FrameworkId.Value}");
        output.WriteLine($"state      {TaskStateText.Of(t.State)}{(TaskStates.IsTerminal(t.State) ? " (ended)" : "")}");
        output.WriteLine($"agent      {t.AgentId.Value}{(located.Agent is { } a ? $" ({AgentAddress.Text(a.AgentInfo)})" : " (not registered now)")}");
        output.WriteLine($"executor   {(t.ExecutorId is null ? "command (the agent runs the task itself)" : $"{t.ExecutorId.Value}{(located.Executor?.Type is { } type ? $" ({type.ToString().ToLowerInvariant()})" : "")}")}");
        output.WriteLine($"sandbox    {SandboxPath.Run(t)} (files API on the agent; 'tessera task logs {t.TaskId.Value}')");
        output.WriteLine($"resources  {ResourceText.Of(t.Resources)}");
        if (t.Statuses?.LastOrDefault(s => s.Healthy is not null) is { } health)
            output.WriteLine($"healthy    {(health.Healthy == true ? "yes" : "no")}");
        if (t.Statuses is not { Count: > 0 } statuses) return;
        output.WriteLine();
        Table.Write(output, ["TIME", "STATE", "SOURCE", "REASON", "MESSAGE"], History(statuses));
    }

    /// <summary>The state history rows, oldest first (pure).</summary>
    public static IEnumerable<IReadOnlyList<string>> History(IReadOnlyList<MesosTaskStatus> statuses) =>
        statuses.OrderBy(s => s.Timestamp ?? 0).Select(s => (IReadOnlyList<string>)
        [
            TimeText.OfSeconds(s.Timestamp),
            TaskStateText.Of(s.State),
            s.Source?.ToString().Replace("SOURCE_", "", StringComparison.Ordinal).ToLowerInvariant() ?? "-",
            s.Reason?.ToString().Replace("REASON_", "", StringComparison.Ordinal).ToLowerInvariant() ?? "-",
            string.IsNullOrWhiteSpace(s.Message) ? "-" : s.Message.ReplaceLineEndings(" "),
        ]);

    // ---- kill ----

    private static Command Kill(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var id = IdArgument();
        var framework = FrameworkOption("the task's framework, when several frameworks use the id");
        var kill = new Command("kill", "explain how to kill a task: the Operator API (Mesos' and Tessera's) has no call to kill one task; its framework kills it, or 'tessera framework teardown' kills all of a framework's tasks\n\nExamples:\n  tessera task kill web-1") { id, framework };
        CliAction.Set(kill, global, stdout, stderr, async (parse, cli, ct) =>
        {
            using var client = cli.Operator();
            var located = await TaskLocator.FindAsync(client, parse.GetValue(id)!, parse.GetValue(framework), ct);
            throw new CliException(KillRefusal(located.Task));
        });
        return kill;
    }

    /// <summary>Why <c>task kill</c> does nothing, and what to do instead (pure).</summary>
    public static string KillRefusal(MesosTask task) => TaskStates.IsTerminal(task.State)
        ? $"task '{task.TaskId.Value}' has already ended ({TaskStateText.Of(task.State)})"
        : $"cannot kill task '{task.TaskId.Value}': tasks are killed by their framework (the Operator API has no kill call, as in Mesos); "
          + $"ask framework {task.FrameworkId.Value} to kill it, or 'tessera framework teardown {task.FrameworkId.Value}' kills all that framework's tasks";

    // ---- logs ----

    private static Command Logs(GlobalOptions global, TextWriter stdout, TextWriter stderr, Option<string> jobs)
    {
        var id = new Argument<string>("TASK") { Description = "the task id (from 'tessera task list'), or a job instance cluster/role/env/name/INST" };
        var framework = FrameworkOption("the task's framework, when several frameworks use the id");
        var follow = new Option<bool>("--follow", "-f") { Description = "keep printing new output (every 500 ms) until the task has ended and its output stops growing, or Ctrl-C" };
        var errors = new Option<bool>("--stderr") { Description = "print the task's stderr instead of its stdout" };
        var tail = new Option<int?>("--tail") { Description = "start with the last N lines only" };
        var process = new Option<string?>("--process") { Description = "a Thermos process' own log (.logs/NAME/<run>/stdout|stderr, the latest run) instead of the task's stdout" };
        var logs = new Command("logs", "print a task's stdout (or --stderr) from its sandbox on the agent\n\nExamples:\n  tessera task logs web-1\n  tessera task logs web-1 -f\n  tessera task logs web-1 --stderr --tail 50\n  tessera task logs devcluster/www-data/prod/hello/0 --process hello -f")
        {
            id, framework, follow, errors, tail, process,
        };
        CliAction.Set(logs, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var lines = parse.GetValue(tail);
            if (lines is < 0) throw new CliException($"--tail must be a whole number of lines, 0 or more, not {lines}", TesseraCommand.ExitUsage);
            var name = parse.GetValue(process);
            if (name is not null && !ProcessLogs.IsName(name))
                throw new CliException($"--process must be a process name (letters, digits, '-', '_', '.'; not '.' or '..'), not '{name}'", TesseraCommand.ExitUsage);
            var target = TaskTarget.Parse(parse.GetValue(id)!);
            var taskId = target.TaskId ?? await JobTaskIdAsync(target.Job!, Jobs(parse, jobs, target), ct);
            var request = new LogRequest(taskId, parse.GetValue(framework), parse.GetValue(errors) ? "stderr" : "stdout", parse.GetValue(follow), lines) { Process = name };
            return await TaskLogs.RunAsync(request, WithClusterMaster(parse, global, cli, target), FollowInterval, ct);
        });
        return logs;
    }

    /// <summary>For a KEY/INST target: the master of the key's cluster (clusters.json master_uri) unless --master or $TESSERA_MASTER name one.</summary>
    private static CliContext WithClusterMaster(ParseResult parse, GlobalOptions global, CliContext cli, TaskTarget target) =>
        cli with { Master = JobsTarget.Master(parse, global.Master, target.Job?.Key.ToString(), cli.Master) };

    /// <summary>The task of one job instance (KEY/INST), through the jobs scheduler.</summary>
    private static async Task<string> JobTaskIdAsync(JobInstances job, Func<JobsClient> jobs, CancellationToken ct)
    {
        if (job.Instances is not { Length: 1 } one)
            throw new CliException($"'{job.Key}' must name one instance, e.g. {job.Key}/0", TesseraCommand.ExitUsage);
        using var client = jobs();
        var instance = (await JobTasks.ResolveAsync(client, job, ct))[0];
        return instance.TaskId ?? throw new CliException($"{instance.Label(job.Key.ToString())} has no task yet ({instance.Status?.ToString() ?? "no status"})");
    }

    // ---- run ----

    private static Command RunIn(GlobalOptions global, TextWriter stdout, TextWriter stderr, Option<string> jobs)
    {
        var target = new Argument<string>("TASK") { Description = "a task id, or a job's instances cluster/role/env/name[/INST or /0-2,5] (all instances without one)" };
        var words = new Argument<string[]>("COMMAND") { Description = "after --: the command; one word is a shell command string (sh -c), several are an argv", Arity = ArgumentArity.OneOrMore };
        var run = new Command("run", """
            run a command inside a running task's container (its namespaces, cgroups, user and sandbox) and print its output; exits with the command's exit code

            Examples:
              tessera task run devcluster/www-data/prod/hello/0 -- ls -la .logs
              tessera task run devcluster/www-data/prod/hello -- 'echo $HOSTNAME; ps aux'
              tessera task run web-1 -- cat /proc/1/status
            """) { target, words };
        CliAction.Set(run, global, stdout, stderr, (parse, cli, ct) =>
        {
            var parsed = TaskTarget.Parse(parse.GetValue(target)!);
            var request = new TaskRunRequest(parsed, parse.GetValue(words) ?? []);
            if (request.Command.Count == 0 || request.Command[0].Length == 0)
                throw new CliException("COMMAND is required after --, e.g. 'tessera task run KEY/0 -- ls'", TesseraCommand.ExitUsage);
            return TaskRun.RunAsync(request, WithClusterMaster(parse, global, cli, parsed), Jobs(parse, jobs, parsed), () => Guid.NewGuid().ToString("N"), ct);
        });
        return run;
    }
}
