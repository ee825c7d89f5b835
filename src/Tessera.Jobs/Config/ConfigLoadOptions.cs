namespace Tessera.Jobs.Config;

/// <summary>
/// How to load a config: the job to pick (<c>cluster/role/env/name</c>; none = the only job),
/// <c>--bind k=v</c> values, and the limits of the Python evaluation.
/// </summary>
public sealed record ConfigLoadOptions
{
    public const long DefaultMemoryLimitBytes = 512L * 1024 * 1024;

    public JobKey? Key { get; init; }

    public IReadOnlyDictionary<string, string> Bindings { get; init; } = new Dictionary<string, string>();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Address-space cap of the Python process (RLIMIT_AS); 0 = none.</summary>
    public long MemoryLimitBytes { get; init; } = DefaultMemoryLimitBytes;

    /// <summary>The Python 3 interpreter, found on PATH unless a path is given.</summary>
    public string Python { get; init; } = "python3";

    /// <summary>Parses <c>--bind</c> arguments (<c>k=v</c>); the error names the bad one.</summary>
    public static bool TryParseBindings(IEnumerable<string> arguments, out IReadOnlyDictionary<string, string> bindings, out string? error)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        bindings = parsed;
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"--bind '{argument}' must be NAME=VALUE";
                return false;
            }
            parsed[argument[..equals]] = argument[(equals + 1)..];
        }
        error = null;
        return true;
    }
}
