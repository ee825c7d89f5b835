using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Tessera.Jobs.Api;

/// <summary>
/// The fields in which two JSON trees differ (pure): objects are compared key by key (the old
/// side's order, then keys only the new side has), arrays element by element by index, and
/// anything else (values, or nodes of different kinds) as a whole, numbers by value.
/// </summary>
public static class JsonTreeDiff
{
    public static ImmutableArray<FieldChange> Compare(JsonNode? old, JsonNode? proposed, string path = "")
    {
        var changes = ImmutableArray.CreateBuilder<FieldChange>();
        Walk(old, proposed, path, changes);
        return changes.ToImmutable();
    }

    private static void Walk(JsonNode? old, JsonNode? proposed, string path, ImmutableArray<FieldChange>.Builder changes)
    {
        switch (old, proposed)
        {
            case (JsonObject a, JsonObject b):
                foreach (var (name, value) in a)
                {
                    if (b.TryGetPropertyValue(name, out var other)) Walk(value, other, Member(path, name), changes);
                    else changes.Add(new FieldChange(Member(path, name), FieldChangeKind.Removed, value?.DeepClone(), null));
                }
                foreach (var (name, value) in b)
                {
                    if (!a.ContainsKey(name)) changes.Add(new FieldChange(Member(path, name), FieldChangeKind.Added, null, value?.DeepClone()));
                }
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var at = $"{path}[{i}]";
                    if (i >= b.Count) changes.Add(new FieldChange(at, FieldChangeKind.Removed, a[i]?.DeepClone(), null));
                    else if (i >= a.Count) changes.Add(new FieldChange(at, FieldChangeKind.Added, null, b[i]?.DeepClone()));
                    else Walk(a[i], b[i], at, changes);
                }
                break;
            default:
                if (!JsonNode.DeepEquals(old, proposed))
                    changes.Add(new FieldChange(path, FieldChangeKind.Changed, old?.DeepClone(), proposed?.DeepClone()));
                break;
        }
    }

    /// <summary><c>a.b</c> for a plain name, <c>a["b c"]</c> for any other.</summary>
    private static string Member(string path, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        if (!plain) return $"{path}[{JsonValue.Create(name).ToJsonString()}]";
        return path.Length == 0 ? name : $"{path}.{name}";
    }
}
