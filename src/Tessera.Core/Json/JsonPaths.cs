namespace Tessera.Core.Json;

/// <summary>JSON paths as error texts show them: the field, not the path syntax.</summary>
public static class JsonPaths
{
    /// <summary>
    /// <c>$.accept.operations[1]</c> → <c>accept.operations[1]</c>; <c>$</c> → <c>body</c>;
    /// <c>$[2]</c> → <c>body[2]</c>.
    /// </summary>
    public static string Field(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is "" or "$") return "body";
        if (path.StartsWith("$.", StringComparison.Ordinal)) return path[2..];
        return path.StartsWith('$') ? "body" + path[1..] : path;
    }

    /// <summary>
    /// The steps of a path as <see cref="JsonPathStack"/> and System.Text.Json write it: a property
    /// name (<c>.name</c> or <c>['odd.name']</c>) or an array index (<c>[3]</c>, as an int).
    /// </summary>
    public static IReadOnlyList<object> Segments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<object>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '[')) end++;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new System.Text.StringBuilder();
                var j = i + 2;
                for (; j < path.Length && path[j] != '\''; j++)
                    name.Append(path[j] == '\\' && j + 1 < path.Length ? path[++j] : path[j]);
                segments.Add(name.ToString());
                i = j + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) break;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? index : path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }
}
