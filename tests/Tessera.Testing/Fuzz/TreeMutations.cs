using System.Text.Json.Nodes;

namespace Tessera.Testing.Fuzz;

/// <summary>Mutations of the parsed tree: values swapped for other types or extremes, keys removed, added or renamed, arrays broken.</summary>
internal static class TreeMutations
{
    /// <summary>Values that break typed fields: other JSON types, numbers at and past every limit, strings of every kind.</summary>
    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null, _ => true, _ => false, _ => 0, _ => -1, _ => 1, _ => 0.5, _ => -0.0001,
        _ => JsonNode.Parse("1e308"), _ => JsonNode.Parse("-1e308"), _ => JsonNode.Parse("1e-320"), _ => JsonNode.Parse("1e400"),
        _ => JsonNode.Parse("9223372036854775808"), _ => JsonNode.Parse("18446744073709551616"), _ => 2147483648L, _ => -2147483649L,
        _ => "", _ => "x", _ => "NaN", _ => "Infinity", _ => "-Infinity", _ => "1e308", _ => "-5", _ => "0x10",
        r => new string('a', r.Next(2) == 0 ? 300 : 20_000), _ => "../../../etc/shadow", _ => "/etc/passwd", _ => "a/../../b",
        _ => "😀😀😀", _ => "caf\u00e9", _ => "tab\there", _ => "nul\u0000byte", _ => "new\nline", _ => "\u202Eright-to-left",
        _ => "*", _ => ".", _ => "..", _ => "-x", _ => "TASK_RUNNING", _ => "UNKNOWN", _ => "task_running", _ => "'; DROP TABLE x; --",
        _ => "$(id)", _ => "`id`", _ => "%00", _ => "%2e%2e%2f",
        _ => new JsonArray(), _ => new JsonObject(), _ => new JsonArray((JsonNode?)null), _ => new JsonArray(1, "a", null, true),
        _ => new JsonObject { ["value"] = "x" }, _ => new JsonObject { ["value"] = null }, r => Deep(r.Next(10, 80)),
    ];

    public static JsonNode Apply(JsonNode root, Random random)
    {
        var places = JsonMutator.Places(root);
        var place = places[random.Next(places.Count)];
        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                if (place.Parent is null) return Values[random.Next(Values.Length)](random) ?? JsonValue.Create(0)!;
                place.Replace(Values[random.Next(Values.Length)](random));
                return root;
            case 3:
                if (place.Parent is JsonObject o) o.Remove(place.Name!);
                return root;
            case 4:
                if (place.Node is JsonObject target) target[Unknown(random)] = Values[random.Next(Values.Length)](random);
                return root;
            case 5:
                return Arrays(root, place, random);
            case 6:
                return Numbers(root, place, random);
            case 7:
                if (place.Node is JsonValue && places[random.Next(places.Count)].Node is { } other) place.Replace(other.DeepClone());
                return root;
            case 8:
                if (place.Parent is JsonObject parent && place.Name is { } name && name.Length > 0)
                {
                    var value = place.Node?.DeepClone();
                    parent.Remove(name);
                    parent[Renamed(name, random)] = value;
                }
                return root;
            default:
                if (place.Node is JsonValue v && v.TryGetValue<string>(out var s)) place.Replace(Strings(s, random));
                return root;
        }
    }

    private static JsonNode Arrays(JsonNode root, JsonMutator.Place place, Random random)
    {
        if (place.Node is not JsonArray array) return root;
        switch (random.Next(4))
        {
            case 0:
                array.Insert(random.Next(array.Count + 1), null);
                break;
            case 1:
                array.Clear();
                break;
            case 2 when array.Count > 0:
                var copy = array[random.Next(array.Count)];
                for (var i = 0; i < (random.Next(2) == 0 ? 2 : 200); i++) array.Add(copy?.DeepClone());
                break;
            default:
                array.Add(Values[random.Next(Values.Length)](random));
                break;
        }
        return root;
    }

    private static JsonNode Numbers(JsonNode root, JsonMutator.Place place, Random random)
    {
        // A literal past double's range reads as an infinity, which JSON can't hold: leave it be.
        if (place.Node is not JsonValue v || !v.TryGetValue<double>(out var d) || !double.IsFinite(d)) return root;
        place.Replace(random.Next(5) switch
        {
            0 => JsonValue.Create(-d),
            1 => JsonValue.Create(d + 0.5 is var half && double.IsFinite(half) ? half : d),
            // JSON has no infinity: past double's range the literal stays text.
            2 => double.IsFinite(d * 1e6) ? JsonValue.Create(d * 1e6) : JsonNode.Parse("1e400"),
            3 => JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonNode.Parse("1" + new string('0', random.Next(20, 400))),
        });
        return root;
    }

    private static JsonNode Strings(string s, Random random) => random.Next(5) switch
    {
        0 => s.ToLowerInvariant(),
        1 => s + "/../x",
        2 => s.Length > 1 ? s[..(s.Length / 2)] : s + s,
        3 => " " + s + " ",
        _ => s + "\u0001",
    };

    private static string Renamed(string name, Random random) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => name.Replace('_', '-'),
        _ => name + "_",
    };

    private static string Unknown(Random random) => random.Next(3) switch
    {
        0 => "unknown_field",
        1 => "__proto__",
        _ => "x" + random.Next(1000),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++) node = new JsonObject { ["a"] = node };
        return node;
    }
}
