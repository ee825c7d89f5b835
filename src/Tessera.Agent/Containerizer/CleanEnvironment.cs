using System.Diagnostics;

namespace Tessera.Agent.Containerizer;

/// <summary>
/// The one way the agent gives a process an environment: nothing inherited from the agent, the
/// default PATH, then the given variables over it. For a command that runs after a privilege drop
/// (nsenter <c>--setuid</c>, the launcher's <c>--uid</c>) the caller's variables must not reach the
/// privileged program before it (PATH would pick its binary, LD_PRELOAD would load code into it):
/// <see cref="ThroughEnv"/> hands them to <c>/usr/bin/env -i</c>, which runs after the drop.
/// </summary>
internal static class CleanEnvironment
{
    /// <summary>The only PATH a privileged helper (launcher, nsenter) sees, and the default for commands.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>coreutils' env: absolute, so no PATH lookup decides which program sets the command's environment.</summary>
    public const string EnvProgram = "/usr/bin/env";

    /// <summary>The default PATH with <paramref name="overlay"/> over it (later entries win).</summary>
    public static Dictionary<string, string> With(IEnumerable<KeyValuePair<string, string>>? overlay = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["PATH"] = DefaultPath };
        foreach (var (key, value) in overlay ?? []) env[key] = value;
        return env;
    }

    /// <summary>Clears what <paramref name="start"/> would inherit, sets the default PATH and then <paramref name="overlay"/>.</summary>
    public static void Apply(ProcessStartInfo start, IEnumerable<KeyValuePair<string, string>>? overlay = null)
    {
        start.Environment.Clear();
        foreach (var (key, value) in With(overlay)) start.Environment[key] = value;
    }

    /// <summary>A variable name env(1) and execve(2) take as one: non-empty, without '=' or NUL.</summary>
    public static bool ValidName(string? name) => !string.IsNullOrEmpty(name) && !name.Contains('=') && !name.Contains('\0');

    /// <summary>
    /// <c>/usr/bin/env -i -- K=V … argv</c>: runs <paramref name="argv"/> with exactly the default
    /// PATH plus <paramref name="overlay"/>. env takes every leading word with '=' for a variable,
    /// so a program whose name has one runs through <c>/bin/sh -c 'exec "$0" "$@"'</c>. Throws
    /// <see cref="ArgumentException"/> for a name <see cref="ValidName"/> refuses or a value with NUL. Pure.
    /// </summary>
    public static IReadOnlyList<string> ThroughEnv(IEnumerable<KeyValuePair<string, string>>? overlay, IReadOnlyList<string> argv)
    {
        if (argv.Count == 0) throw new ArgumentException("no command to run", nameof(argv));
        var all = new List<string> { EnvProgram, "-i", "--" };
        foreach (var (key, value) in With(overlay))
        {
            if (!ValidName(key)) throw new ArgumentException($"environment variable name '{key}' must be non-empty, without '=' or NUL", nameof(overlay));
            if (value.Contains('\0')) throw new ArgumentException($"the value of environment variable '{key}' contains NUL", nameof(overlay));
            all.Add($"{key}={value}");
        }
        if (argv[0].Contains('=')) all.AddRange(["/bin/sh", "-c", "exec \"$0\" \"$@\""]);
        all.AddRange(argv);
        return all;
    }
}
