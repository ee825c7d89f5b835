using System.Text.Json;

namespace Tessera.Core.Tests.Protocol;

/// <summary>Compares JSON documents structurally: object member order ignored, numbers by value.</summary>
internal static class JsonAssert
{
    public static void StructurallyEqual(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = Compare(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? Compare(JsonElement e, JsonElement a, string path)
    {
        if (e.ValueKind != a.ValueKind)
        {
            return $"{path}: kind {e.ValueKind} vs {a.ValueKind}";
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var eProps = e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var aProps = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var name in eProps.Keys.Union(aProps.Keys))
                {
                    if (!eProps.TryGetValue(name, out var ev))
                    {
                        return $"{path}.{name}: unexpected";
                    }

                    if (!aProps.TryGetValue(name, out var av))
                    {
                        return $"{path}.{name}: missing";
                    }

                    var d = Compare(ev, av, $"{path}.{name}");
                    if (d is not null)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (e.GetArrayLength() != a.GetArrayLength())
                {
                    return $"{path}: length {e.GetArrayLength()} vs {a.GetArrayLength()}";
                }

                var i = 0;
                foreach (var (ei, ai) in e.EnumerateArray().Zip(a.EnumerateArray()))
                {
                    var d = Compare(ei, ai, $"{path}[{i++}]");
                    if (d is not null)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return e.GetDouble().Equals(a.GetDouble()) ? null : $"{path}: {e} vs {a}";
            case JsonValueKind.String:
                return e.GetString() == a.GetString() ? null : $"{path}: \"{e}\" vs \"{a}\"";
            default:
                return null;
        }
    }
}
