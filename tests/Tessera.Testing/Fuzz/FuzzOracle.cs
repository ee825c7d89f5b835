using System.Text.Json;

namespace Tessera.Testing.Fuzz;

/// <summary>What every answer must satisfy: no 5xx; a 4xx has a body that names a field (a key of the call, a header, the body) and leaks no internals.</summary>
public static partial class FuzzOracle
{
    [System.Text.RegularExpressions.GeneratedRegex(@"'[a-z_][a-z0-9_]*(\.[a-z0-9_]+|\[[0-9]+\])*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedField();

    private static readonly string[] Always = ["body", "Content-Type", "Accept", "Mesos-Stream-Id", "Message-Accept", "key", "instance"];

    private static readonly string[] Internals = ["Tessera.", "System.", "Exception", "   at ", "Microsoft."];

    /// <summary>Why a refusal's text is not good enough, or null when it names a field and leaks nothing.</summary>
    public static string? RefusalProblem(string answer, FuzzRequest request, string filledSample)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(answer)) return "empty body";
        if (Internals.FirstOrDefault(i => answer.Contains(i, StringComparison.Ordinal)) is { } leak) return $"leaks internals ('{leak}')";
        var names = new HashSet<string>(Always, StringComparer.Ordinal);
        Keys(filledSample, names);
        Keys(System.Text.Encoding.UTF8.GetString(request.Body), names);
        // A field named in quotes counts even when the call lacked it ('framework_id' is required).
        if (QuotedField().IsMatch(answer)) return null;
        // A short key counts only where it reads as a field: 'a', a: or .a (a one-letter key is in every word).
        return names.Any(n => n.Length >= 2 ? answer.Contains(n, StringComparison.Ordinal)
            : answer.StartsWith(n + ":", StringComparison.Ordinal) || answer.Contains($"'{n}'", StringComparison.Ordinal) || answer.Contains($".{n}:", StringComparison.Ordinal))
            ? null : "names no field";
    }

    /// <summary>Every property name in <paramref name="json"/>, as far as it reads (broken input is allowed here).</summary>
    private static void Keys(string json, HashSet<string> names)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName) names.Add(reader.GetString()!);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }
    }
}
