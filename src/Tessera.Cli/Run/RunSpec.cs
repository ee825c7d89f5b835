using System.Globalization;
using Tessera.Cli.Client;
using Tessera.Core.Flags;
using Tessera.Core.Resources;

namespace Tessera.Cli.Run;

/// <summary>What <c>tessera run</c> was asked to do, validated.</summary>
internal sealed record RunSpec(
    ResourceAsk Ask,
    int Instances,
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string? HealthHttpPath,
    TimeSpan Timeout,
    string? User,
    IReadOnlyList<string> Command)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Checks the raw option values; a bad one is a usage error (exit 2) naming the option.</summary>
    public static RunSpec Create(
        double cpus, double mem, double disk, int ports, int instances, string role, string? name,
        IReadOnlyList<string> env, string? healthHttp, string? timeout, string? user, IReadOnlyList<string> command)
    {
        if (command.Count == 0 || command.All(string.IsNullOrWhiteSpace))
            throw Usage("no command given: put it after '--', e.g. tessera run -- echo hello");
        if (!(cpus > 0) || double.IsInfinity(cpus)) throw Usage($"--cpus must be a number above 0, not {Text(cpus)}");
        if (!(mem > 0) || double.IsInfinity(mem)) throw Usage($"--mem must be a number of MB above 0, not {Text(mem)}");
        if (!(disk >= 0) || double.IsInfinity(disk)) throw Usage($"--disk must be a number of MB of 0 or more, not {Text(disk)}");
        if (ports < 0) throw Usage($"--ports must be 0 or more, not {ports}");
        if (instances < 1) throw Usage($"--instances must be 1 or more, not {instances}");
        if (RoleName.Validate(role) is { } badRole) throw Usage($"--role: {badRole}");
        if (name is not null && (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '/')))
            throw Usage($"--name must be a non-empty word without spaces or '/', not '{name}'");
        if (user is not null && user.Length == 0) throw Usage("--user must not be empty");
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var pair in env)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !ValidName(pair[..eq]))
                throw Usage($"--env must be NAME=VALUE with NAME made of letters, digits and '_', not '{pair}'");
            variables.Add(new(pair[..eq], pair[(eq + 1)..]));
        }
        if (healthHttp is not null && !healthHttp.StartsWith('/'))
            throw Usage($"--health-http must be a path starting with '/', not '{healthHttp}'");
        var wait = DefaultTimeout;
        if (timeout is not null && (!DurationText.TryParse(timeout, out wait, out var error) || wait <= TimeSpan.Zero))
            throw Usage($"--timeout: {error ?? $"'{timeout}' must be above zero"}");
        return new RunSpec(
            new ResourceAsk(cpus, mem, disk, healthHttp is null ? ports : Math.Max(ports, 1), role),
            instances, name ?? DefaultName(command), variables, healthHttp, wait, user, command);
    }

    private static CliException Usage(string message) => new(message, TesseraCommand.ExitUsage);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool ValidName(string name) =>
        !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The command's program name (<c>sh</c> for <c>/bin/sh -c …</c>), made safe for a task ID.</summary>
    private static string DefaultName(IReadOnlyList<string> command)
    {
        var first = command[0].Trim().Split(' ', 2)[0];
        var program = Path.GetFileName(first);
        var safe = new string([.. program.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-', '.');
        return safe.Length == 0 ? "task" : safe;
    }
}
