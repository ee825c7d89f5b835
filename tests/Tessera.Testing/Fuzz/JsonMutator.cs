using System.Text;
using System.Text.Json.Nodes;

namespace Tessera.Testing.Fuzz;

/// <summary>
/// Grammar-aware mutations of a valid JSON request: it knows objects, arrays, strings and numbers
/// and breaks them the ways clients and attackers do (wrong types, nulls, extreme and fractional
/// numbers, odd strings, removed, unknown, renamed and duplicated keys, deep nesting, broken
/// encodings, truncation). Seeded: the same input and random source give the same bytes.
/// </summary>
public static class JsonMutator
{
    /// <summary>Applies one to three mutations to <paramref name="json"/> and returns the bytes to send.</summary>
    public static byte[] Mutate(string json, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var root = JsonNode.Parse(json)!;
        var count = 1 + (random.Next(4) == 0 ? random.Next(1, 3) : 0);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(6) == 0) return TextMutations.Apply(root.ToJsonString(), random);
            root = TreeMutations.Apply(root, random);
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Every node of <paramref name="root"/> with its parent and where it sits there.</summary>
    internal static List<Place> Places(JsonNode root)
    {
        var places = new List<Place>();
        void Walk(JsonNode? node, JsonNode? parent, string? name, int index)
        {
            places.Add(new Place(node, parent, name, index));
            if (node is JsonObject o)
                foreach (var (key, child) in o.ToList()) Walk(child, o, key, -1);
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++) Walk(a[i], a, null, i);
        }
        Walk(root, null, null, -1);
        return places;
    }

    /// <summary>A node and its place: the property <see cref="Name"/> of an object, or element <see cref="Index"/> of an array.</summary>
    internal sealed record Place(JsonNode? Node, JsonNode? Parent, string? Name, int Index)
    {
        public void Replace(JsonNode? value)
        {
            if (Parent is JsonObject o) o[Name!] = value;
            else if (Parent is JsonArray a) a[Index] = value;
        }
    }
}
