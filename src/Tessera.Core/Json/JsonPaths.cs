namespace Tessera.Core.Json;

/// <summary>JSON paths as error texts show them: the field, not the path syntax.</summary>
public static class JsonPaths
{
    /// <summary><c>$.accept.operations[1]</c> → <c>accept.operations[1]</c>; <c>$</c> → <c>body</c>; <c>$[2]</c> → <c>body[2]</c>.</summary>
    public static string Field(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is "" or "$") return "body";
        if (path.StartsWith("$.", StringComparison.Ordinal)) return path[2..];
        return path.StartsWith('$') ? "body" + path[1..] : path;
    }
}
