using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tessera.Cli.Client;

/// <summary>
/// Which jobs scheduler a <c>tessera job</c> command talks to: <c>--jobs</c> when given, else
/// <c>$TESSERA_JOBS</c>, else the <c>scheduler_uri</c> of the cluster its KEY names
/// (<see cref="ClusterDirectory"/>; <c>devcluster</c> is 127.0.0.1:8081 unless a clusters.json
/// redefines it). A command without a KEY (<c>job list</c>) uses <c>devcluster</c>.
/// </summary>
internal static class JobsTarget
{
    /// <summary>The <c>--jobs</c> option of the <c>job</c>, <c>update</c> and <c>cron</c> commands (and their verbs).</summary>
    public static Option<string> NewOption() => new("--jobs")
    {
        Description = "the jobs scheduler, host:port or http://host:port (default: $TESSERA_JOBS, else the KEY's cluster "
            + "in clusters.json; devcluster is 127.0.0.1:8081)",
        Recursive = true,
    };

    public static Uri Resolve(ParseResult parse, Option<string> jobsOption) => Resolve(parse, jobsOption, KeyText(parse));

    /// <summary>The same with the job key given (<c>task run</c>/<c>task logs</c>, whose argument is a task id or a KEY/INST).</summary>
    public static Uri Resolve(ParseResult parse, Option<string> jobsOption, string? key)
    {
        if (parse.GetResult(jobsOption) is { Implicit: false } && parse.GetValue(jobsOption) is { } given)
            return JobsClient.ParseAddress(given);
        if (Environment.GetEnvironmentVariable("TESSERA_JOBS") is { Length: > 0 } env)
            return JobsClient.ParseAddress(env);
        var cluster = key is null ? ClusterDirectory.DevCluster : key.Split('/')[0];
        return ClusterDirectory.Load(ClusterDirectory.DefaultFiles(Environment.GetEnvironmentVariable)).Find(cluster, key ?? cluster).SchedulerUri;
    }

    /// <summary>
    /// The master for a command about job <paramref name="key"/>: <c>--master</c> or
    /// <c>$TESSERA_MASTER</c> when given, else the <c>master_uri</c> of the key's cluster in
    /// clusters.json, else <paramref name="fallback"/> (what <c>--master</c> defaults to).
    /// </summary>
    public static Uri Master(ParseResult parse, Option<string> masterOption, string? key, Uri fallback)
    {
        if (key is null || parse.GetResult(masterOption) is { Implicit: false }
            || Environment.GetEnvironmentVariable("TESSERA_MASTER") is { Length: > 0 })
            return fallback;
        var cluster = key.Split('/')[0];
        return ClusterDirectory.Load(ClusterDirectory.DefaultFiles(Environment.GetEnvironmentVariable)).Find(cluster, key).MasterUri ?? fallback;
    }

    /// <summary>The text of the command's job key argument (named <c>KEY</c>, <c>KEY[/INSTANCES]</c>, <c>KEY/INSTANCE</c>), if it has one.</summary>
    private static string? KeyText(ParseResult parse) =>
        parse.CommandResult.Children.OfType<ArgumentResult>()
            .FirstOrDefault(a => a.Argument.Name.StartsWith("KEY", StringComparison.Ordinal))?.Tokens.FirstOrDefault()?.Value;
}
