namespace Tessera.Core.Json;

/// <summary>What kind of rule a JSON input broke; lets a caller word the rule for its own schema.</summary>
public enum JsonProblemKind
{
    /// <summary>Not JSON at all (syntax, trailing data, too deep).</summary>
    Syntax,

    /// <summary>Bytes that are not UTF-8, or an escape that is a lone UTF-16 surrogate.</summary>
    Encoding,

    /// <summary>The same property name twice in one object.</summary>
    DuplicateKey,

    /// <summary><c>null</c> as an array element.</summary>
    NullElement,

    /// <summary>A value of the wrong type or out of range for its field.</summary>
    Value,
}

/// <summary>
/// Why a JSON input was refused: the JSON path of the offending value and the rule, fit for a 400 body.
/// </summary>
/// <param name="Path">A JSON path such as <c>$.accept.operations[1]</c>.</param>
/// <param name="Rule">What was wrong, in words (<c>must not be null</c>).</param>
/// <param name="Kind">Which kind of rule it was.</param>
public sealed record JsonProblem(string Path, string Rule, JsonProblemKind Kind)
{
    /// <summary><c>$.a.b: rule</c>.</summary>
    public override string ToString() => $"{Path}: {Rule}";
}
