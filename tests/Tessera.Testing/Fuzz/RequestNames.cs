using System.Text;
using System.Text.Json;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// The entities a call names — the ids its placeholders were filled with (framework, offer, agent,
/// task, executor, container) and the steps of its path — so that a change of state can be tied to
/// the call rather than to the cluster's own churn. The sample's own literals ("fuzz-other",
/// "sleep 120", enum names) are no entities: they appear in lines that change by themselves.
/// </summary>
internal static class RequestNames
{
    public static IReadOnlySet<string> Of(FuzzRequest request)
    {
        var literals = Strings(Encoding.UTF8.GetBytes(request.Sample.Body));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in request.Sample.Path.Split('/'))
            if (Entity(step)) names.Add(step);
        foreach (var value in Strings(request.Body))
            if (Entity(value) && !literals.Contains(value)) names.Add(value);
        return names;
    }

    /// <summary>True when a line that changed between the two digests mentions one of <paramref name="names"/>.</summary>
    public static bool Touched(IReadOnlySet<string> names, IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        before.Except(after).Concat(after.Except(before)).Any(line => names.Any(n => line.Contains(n, StringComparison.Ordinal)));

    /// <summary>Long enough to be an id, and not an enum name (<c>TASK_RUNNING</c>).</summary>
    private static bool Entity(string value) =>
        value.Length >= 5 && !value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>The string values of a JSON text, as far as it reads (mutated bodies may be broken).</summary>
    private static HashSet<string> Strings(byte[] json)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } value) found.Add(value);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }
        return found;
    }
}
