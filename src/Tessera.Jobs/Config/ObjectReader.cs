using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Jobs.Config;

/// <summary>
/// Reads typed fields of one config object (a struct from the prelude or from <c>--read-json</c>),
/// collecting errors as data: wrong types, missing required fields, unknown fields, and the errors
/// the prelude already found (<c>$errors</c>). Reading a field marks it known.
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonObject _obj;
    private readonly ImmutableArray<ConfigError>.Builder _errors;
    private readonly HashSet<string> _read = [];
    private readonly HashSet<string> _broken = [];

    public ObjectReader(string typeName, JsonObject obj, string path, SourceLocation? location, ImmutableArray<ConfigError>.Builder errors)
    {
        TypeName = obj["$type"] is JsonValue type && type.TryGetValue<string>(out var declared) ? declared : typeName;
        _obj = obj;
        Path = path;
        Location = Templating.Where(obj) ?? location;
        _errors = errors;
        if (obj["$errors"] is JsonArray found)
        {
            foreach (var error in found.OfType<JsonObject>())
            {
                var field = error["field"]?.GetValue<string>() ?? "";
                _broken.Add(field.Split('.')[0]);
                var where = error["where"] is JsonObject w ? Templating.Where(new JsonObject { ["$where"] = w.DeepClone() }) : null;
                errors.Add(ConfigError.At(where ?? Location, Join(field), error["rule"]?.GetValue<string>() ?? "invalid",
                    error["message"]?.GetValue<string>() ?? "invalid value"));
            }
        }
    }

    public string TypeName { get; }

    public string Path { get; }

    public SourceLocation? Location { get; }

    public string Join(string field) => Path.Length == 0 ? field : $"{Path}.{field}";

    public bool Has(string key) => _obj[key] is not null;

    public bool IsObject(string key) => _obj[key] is JsonObject;

    public string? DeclaredType => _obj["$type"]?.GetValue<string>();

    public void Error(string field, string rule, string message) => _errors.Add(ConfigError.At(Location, Join(field), rule, message));

    private JsonNode? Take(string key, bool required)
    {
        _read.Add(key);
        var node = _obj[key];
        if (node is null && required && !_broken.Contains(key))
            Error(key, "required", $"{TypeName}.{key} is required");
        return node;
    }

    private void TypeError(string key, string expected, JsonNode node)
    {
        if (_broken.Add(key))
            Error(key, "type", $"{TypeName}.{key} expects {expected}, got {Describe(node)}");
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{node.GetValue<string>()}\"",
            JsonValueKind.True or JsonValueKind.False => $"a boolean ({node.ToJsonString()})",
            _ => $"{node.ToJsonString()}",
        },
    };

    public string? String(string key, bool required = false)
    {
        var node = Take(key, required);
        if (node is null)
            return null;
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    return value.GetValue<string>();
                case JsonValueKind.Number:
                    return value.ToJsonString();
            }
        }
        TypeError(key, "a string", node);
        return null;
    }

    public string String(string key, string fallback) => String(key) ?? fallback;

    public string Enum(string key, string[] allowed, string fallback)
    {
        var text = String(key);
        if (text is null)
            return fallback;
        if (allowed.Contains(text, StringComparer.Ordinal))
            return text;
        Error(key, "enum", $"{TypeName}.{key} must be one of {string.Join(", ", allowed)}, got '{text}'");
        return fallback;
    }

    public double? Double(string key, bool required = false)
    {
        var node = Take(key, required);
        if (node is null)
            return null;
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number))
                return number;
            if (value.GetValueKind() == JsonValueKind.String
                && double.TryParse(value.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                && double.IsFinite(number))
            {
                return number;
            }
        }
        TypeError(key, "a number", node);
        return null;
    }

    public double Double(string key, double fallback) => Double(key) ?? fallback;

    public long? Long(string key, bool required = false)
    {
        var node = Take(key, required);
        if (node is null)
            return null;
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number)
            {
                if (value.TryGetValue<long>(out var whole))
                    return whole;
                if (value.TryGetValue<double>(out var number) && number == Math.Floor(number) && Math.Abs(number) < 9e18)
                    return (long)number;
            }
            if (value.GetValueKind() == JsonValueKind.String
                && long.TryParse(value.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }
        TypeError(key, "an integer", node);
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var node = _obj[key];
        var number = Long(key, required);
        if (number is null)
            return null;
        if (number is >= int.MinValue and <= int.MaxValue)
            return (int)number;
        TypeError(key, "an integer that fits 32 bits", node!);
        return null;
    }

    public int Int(string key, int fallback) => Int(key) ?? fallback;

    public bool Bool(string key, bool fallback)
    {
        var node = Take(key, false);
        if (node is null)
            return fallback;
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when value.GetValue<string>().Trim().ToLowerInvariant() is "true" or "false":
                    return value.GetValue<string>().Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }
        TypeError(key, "a boolean", node);
        return fallback;
    }

    public JsonObject? Object(string key, bool required = false)
    {
        var node = Take(key, required);
        if (node is null or JsonObject)
            return (JsonObject?)node;
        TypeError(key, "an object", node);
        return null;
    }

    public ObjectReader? Nested(string typeName, string key, bool required = false) =>
        Object(key, required) is { } obj ? new ObjectReader(typeName, obj, Join(key), Location, _errors) : null;

    public IEnumerable<(JsonNode? Node, string Path)> List(string key, bool required = false)
    {
        var node = Take(key, required);
        if (node is null)
            return [];
        if (node is JsonArray array)
            return array.Select((item, index) => (item, $"{Join(key)}[{index}]")).ToList();
        TypeError(key, "a list", node);
        return [];
    }

    public ObjectReader? Element(string typeName, JsonNode? node, string path)
    {
        if (node is JsonObject obj)
            return new ObjectReader(typeName, obj, path, Location, _errors);
        _errors.Add(ConfigError.At(Location, path, "type", $"expects a {typeName}, got {(node is null ? "null" : Describe(node))}"));
        return null;
    }

    public ValueList<string> Strings(string key, bool required = false)
    {
        var items = new List<string>();
        foreach (var (node, path) in List(key, required))
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                items.Add(value.GetValue<string>());
            else
                _errors.Add(ConfigError.At(Location, path, "type", $"expects a string, got {(node is null ? "null" : Describe(node))}"));
        }
        return new ValueList<string>(items);
    }

    public ValueMap Map(string key)
    {
        if (Object(key) is not { } map)
            return ValueMap.Empty;
        var items = new List<KeyValuePair<string, string>>();
        foreach (var (name, node) in map)
        {
            if (node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                items.Add(new(name, value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()));
            else
                Error($"{key}[{name}]", "type", $"{TypeName}.{key}[{name}] expects a string, got {(node is null ? "null" : Describe(node))}");
        }
        return new ValueMap(items);
    }

    /// <summary>Reports fields this reader never asked for (only <c>--read-json</c> input can have them).</summary>
    public void Finish()
    {
        foreach (var (key, _) in _obj)
        {
            if (!key.StartsWith('$') && !_read.Contains(key))
                Error(key, "unknown-field", $"{TypeName} has no field '{key}'");
        }
    }
}
