namespace Tessera.Testing.Fuzz;

/// <summary>What every refusal must satisfy: a body that names a field (or the header, or the body) and leaks nothing internal.</summary>
public static partial class FuzzOracle
{
    [System.Text.RegularExpressions.GeneratedRegex(@"'[a-z_][a-z0-9_]*(\.[a-z0-9_]+|\[[0-9]+\])*'")]
    private static partial System.Text.RegularExpressions.Regex QuotedField();

    [System.Text.RegularExpressions.GeneratedRegex(@"^'?[A-Za-z_$\[][\w$.\[\]'\-]*'?:\s")]
    private static partial System.Text.RegularExpressions.Regex LeadingField();

    private static readonly string[] Headers = ["Content-Type", "Accept", "Mesos-Stream-Id", "Message-Accept"];

    private static readonly string[] Internals = ["Tessera.", "System.", "Exception", "   at ", "Microsoft."];

    /// <summary>Why a refusal's text is not good enough, or null when it names a field and leaks nothing.</summary>
    /// <remarks>
    /// Named means: the text starts with the field (<c>accept.operations[1]: …</c>,
    /// <c>'type': …</c>, <c>body: …</c>), or quotes a field (<c>'framework_id' is required</c>), or names
    /// the header at fault. A key of the call merely appearing somewhere in the text does not count.
    /// </remarks>
    public static string? RefusalProblem(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(answer)) return "empty body";
        if (Internals.FirstOrDefault(i => answer.Contains(i, StringComparison.Ordinal)) is { } leak) return $"leaks internals ('{leak}')";
        if (LeadingField().IsMatch(answer) || QuotedField().IsMatch(answer)) return null;
        return Headers.Any(h => answer.Contains(h, StringComparison.Ordinal)) ? null : "names no field";
    }
}
