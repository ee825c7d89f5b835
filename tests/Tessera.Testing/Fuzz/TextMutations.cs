using System.Text;

namespace Tessera.Testing.Fuzz;

/// <summary>Mutations of the bytes: duplicate keys, lone surrogates, invalid UTF-8, truncation, garbage, comments, a BOM.</summary>
internal static class TextMutations
{
    public static byte[] Apply(string json, Random random)
    {
        switch (random.Next(8))
        {
            case 0: return Encoding.UTF8.GetBytes(DuplicateKey(json, random));
            case 1: return Encoding.UTF8.GetBytes(InsideAString(json, random, "\\ud800"));
            case 2: return InvalidUtf8(json, random);
            case 3: return Encoding.UTF8.GetBytes(json[..random.Next(json.Length)]);
            case 4: return Encoding.UTF8.GetBytes(json + (random.Next(2) == 0 ? "x" : "{}"));
            case 5: return Encoding.UTF8.GetBytes(json.Replace("{", "{/*c*/", StringComparison.Ordinal));
            case 6: return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];
            default: return Encoding.UTF8.GetBytes(json.Replace(",", ",,", StringComparison.Ordinal));
        }
    }

    /// <summary>Repeats one <c>"key":</c> of the text with another value right after the object opens.</summary>
    private static string DuplicateKey(string json, Random random)
    {
        var keys = new List<(int At, string Key)>();
        for (var i = json.IndexOf("\":", StringComparison.Ordinal); i >= 0; i = json.IndexOf("\":", i + 2, StringComparison.Ordinal))
        {
            var start = json.LastIndexOf('"', i - 1);
            if (start > 0 && json[start - 1] is '{' or ',') keys.Add((start, json[start..(i + 1)]));
        }
        if (keys.Count == 0) return json;
        var (at, key) = keys[random.Next(keys.Count)];
        return json[..at] + key + ":" + (random.Next(2) == 0 ? "null" : "\"dup\"") + "," + json[at..];
    }

    private static string InsideAString(string json, Random random, string insert)
    {
        var quotes = Enumerable.Range(0, json.Length).Where(i => json[i] == '"').ToList();
        if (quotes.Count == 0) return json;
        var at = quotes[random.Next(quotes.Count)] + 1;
        return json[..at] + insert + json[at..];
    }

    private static byte[] InvalidUtf8(string json, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(InsideAString(json, random, "\u0001"));
        var at = Array.IndexOf(bytes, (byte)1);
        if (at < 0) return [.. bytes, 0xFF];
        bytes[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0xC3, _ => 0xED };
        return bytes;
    }
}
