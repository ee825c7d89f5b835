using System.CommandLine;
using Tessera.Cli.Client;

namespace Tessera.Cli.Run;

/// <summary>
/// <c>tessera run [options] -- COMMAND…</c>: the <c>mesos-execute</c> of Tessera. Registers a small
/// framework, launches the command as one or more tasks, streams their states and output, and
/// exits with the task's exit code.
/// </summary>
internal static class RunCommand
{
    private const string Description = """
        run a command on the cluster as one or more tasks, stream its output, exit with its exit code

        One word after '--' is a shell command (/bin/sh -c); several words are argv, run without a shell.
        State changes go to stderr, the task's stdout to stdout and its stderr to stderr.

        Examples:
          tessera run -- 'echo hello from $(hostname)'
          tessera run --cpus 1 --mem 256 -- python3 -m http.server
          tessera run --instances 3 --env GREETING=hi -- sh -c 'echo $GREETING'
          tessera run --ports 1 --health-http /health -- './server --port $PORT'

        Exit codes: the task's own (first non-zero of several instances), 1 when it was killed, lost or
        could not be placed, 2 bad arguments, 3 the master cannot be reached.
        """;

    public static Command Create(GlobalOptions global, TextWriter stdout, TextWriter stderr)
    {
        var cpus = new Option<double>("--cpus") { Description = "CPUs per instance", DefaultValueFactory = _ => 0.5 };
        var mem = new Option<double>("--mem") { Description = "memory per instance, MB", DefaultValueFactory = _ => 128 };
        var disk = new Option<double>("--disk") { Description = "disk per instance, MB", DefaultValueFactory = _ => 0 };
        var ports = new Option<int>("--ports") { Description = "ports per instance, passed as $PORT and $PORT0…", DefaultValueFactory = _ => 0 };
        var instances = new Option<int>("--instances") { Description = "how many copies to run", DefaultValueFactory = _ => 1 };
        var role = new Option<string>("--role") { Description = "the role to run as", DefaultValueFactory = _ => "*" };
        var name = new Option<string?>("--name") { Description = "the task name (default: the program's name)" };
        var env = new Option<string[]>("--env") { Description = "an environment variable NAME=VALUE (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var healthHttp = new Option<string?>("--health-http") { Description = "an HTTP health check of this path on the first port (implies --ports 1)" };
        var timeout = new Option<string?>("--timeout") { Description = "how long to wait for resources, e.g. 30secs, 10mins (default: 5mins)" };
        var user = new Option<string?>("--user") { Description = "the user the task runs as (default: the agent's choice for this framework's user)" };
        var command = new Argument<string[]>("command") { Description = "the command, after '--'", Arity = ArgumentArity.ZeroOrMore };
        var run = new Command("run", Description) { cpus, mem, disk, ports, instances, role, name, env, healthHttp, timeout, user, command };
        CliAction.Set(run, global, stdout, stderr, async (parse, cli, ct) =>
        {
            var spec = RunSpec.Create(
                parse.GetValue(cpus), parse.GetValue(mem), parse.GetValue(disk), parse.GetValue(ports), parse.GetValue(instances),
                parse.GetValue(role) ?? "*", parse.GetValue(name), parse.GetValue(env) ?? [], parse.GetValue(healthHttp),
                parse.GetValue(timeout), parse.GetValue(user), parse.GetValue(command) ?? []);
            var framework = new RunFramework(spec, cli.Master, TextWriter.Synchronized(cli.Out), TextWriter.Synchronized(cli.Error), TimeProvider.System);
            return await framework.RunAsync(ct);
        });
        return run;
    }
}
