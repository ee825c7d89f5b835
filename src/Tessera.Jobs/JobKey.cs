namespace Tessera.Jobs;

/// <summary>
/// A job's identity, as Aurora writes it: <c>cluster/role/environment/name</c>. Each part is a
/// word of letters, digits, <c>_</c>, <c>-</c> and <c>.</c> (Aurora's rule), not starting with a dot.
/// </summary>
public sealed record JobKey(string Cluster, string Role, string Environment, string Name)
{
    public override string ToString() => $"{Cluster}/{Role}/{Environment}/{Name}";

    /// <summary>Parses <c>cluster/role/env/name</c>; the error names the part and the rule.</summary>
    public static bool TryParse(string text, out JobKey? key, out string? error)
    {
        key = null;
        var parts = text.Split('/');
        if (parts.Length != 4)
        {
            error = $"job key '{text}' must be cluster/role/environment/name (4 parts separated by '/', found {parts.Length})";
            return false;
        }
        string[] names = ["cluster", "role", "environment", "name"];
        for (var i = 0; i < 4; i++)
        {
            if (PartError(names[i], parts[i]) is { } problem)
            {
                error = $"job key '{text}': {problem}";
                return false;
            }
        }
        key = new JobKey(parts[0], parts[1], parts[2], parts[3]);
        error = null;
        return true;
    }

    /// <summary>Why <paramref name="value"/> can't be the <paramref name="part"/> of a job key, or null.</summary>
    public static string? PartError(string part, string value) =>
        value.Length == 0 ? $"{part} must not be empty"
        : value.Length > 255 ? $"{part} must be at most 255 characters"
        : value[0] == '.' ? $"{part} '{value}' must not start with '.'"
        : value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) ? $"{part} '{value}' may only contain letters, digits, '_', '-' and '.'"
        : null;
}
