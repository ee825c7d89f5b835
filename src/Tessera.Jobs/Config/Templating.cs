using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Jobs.Config;

/// <summary>
/// Aurora's <c>{{...}}</c> templates over a job's JSON tree (pure). A reference is looked up from
/// the innermost object outward (its <c>.bind()</c> bindings first, then its fields; at the job,
/// <c>--bind</c> values first); a referenced string is itself resolved where it lives, and the
/// text is rescanned until nothing changes, so <c>{{a{{b}}}}</c> works. <c>mesos.instance</c>,
/// <c>mesos.hostname</c>, <c>thermos.ports[x]</c>, <c>thermos.task_id</c> and <c>thermos.user</c>
/// stay for instance time; anything else unbound is an error.
/// </summary>
public static partial class Templating
{
    private const int MaxDepth = 32;
    private const int MaxSubstitutions = 10_000;

    /// <summary>Fields whose object value is a map of strings, not a scope of fields.</summary>
    private static readonly HashSet<string> MapFields = ["constraints", "portmap", "task_links"];

    private static readonly HashSet<string> InstanceTimeNames =
        ["mesos.instance", "mesos.hostname", "thermos.task_id", "thermos.user"];

    [GeneratedRegex(@"^([A-Za-z_][\w\-]*)((?:\.[\w\-]+|\[[^\[\]]+\])*)$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"\.([\w\-]+)|\[([^\[\]]+)\]")]
    private static partial Regex SegmentPattern();

    /// <summary>Resolves every template of <paramref name="job"/> in place; returns the errors.</summary>
    public static ImmutableArray<ConfigError> ResolveJob(
        JsonObject job, IReadOnlyDictionary<string, string> bindings, SourceLocation? fallback)
    {
        var errors = ImmutableArray.CreateBuilder<ConfigError>();
        var context = new Context(bindings, job);
        WalkObject(job, [], "", Where(job) ?? fallback, context, errors);
        return errors.ToImmutable();
    }

    /// <summary>The value of one string field of the job (name, role…) with its templates resolved, without changing the job.</summary>
    public static string? ResolveJobField(JsonObject job, string field, IReadOnlyDictionary<string, string> bindings, out string? error)
    {
        error = null;
        if (job[field] is not JsonValue value || !value.TryGetValue<string>(out var text))
            return null;
        var outcome = ResolveText(text, [job], new Context(bindings, job), 0);
        error = outcome.Error;
        return outcome.Error is null ? outcome.Value : null;
    }

    /// <summary>The references in <paramref name="text"/> that stay for instance time, e.g. <c>thermos.ports[http]</c>.</summary>
    public static IEnumerable<string> InstanceTimeReferences(string text)
    {
        var position = 0;
        while ((position = text.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", position + 2, StringComparison.Ordinal);
            if (end < 0)
                yield break;
            yield return text[(position + 2)..end];
            position = end + 2;
        }
    }

    private sealed record Context(IReadOnlyDictionary<string, string> Bindings, JsonObject Job);

    private readonly record struct Outcome(string? Value, bool Keep, string? Error, string Rule)
    {
        public static Outcome Of(string value) => new(value, false, null, "");
        public static readonly Outcome Kept = new(null, true, null, "");
        public static Outcome Fail(string rule, string error) => new(null, false, error, rule);
    }

    internal static SourceLocation? Where(JsonObject obj) =>
        obj["$where"] is JsonObject where && where["file"]?.GetValue<string>() is { } file
            ? new SourceLocation(file, where["line"] is JsonValue line ? line.GetValue<int>() : null)
            : null;

    private static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static void WalkObject(JsonObject obj, ImmutableList<JsonObject> outer, string path, SourceLocation? location,
        Context context, ImmutableArray<ConfigError>.Builder errors)
    {
        var chain = outer.Add(obj);
        location = Where(obj) ?? location;
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            if (key.StartsWith('$'))
                continue;
            var child = obj[key];
            if (MapFields.Contains(key) && child is JsonObject map)
            {
                foreach (var entry in map.Select(p => p.Key).ToList())
                {
                    if (Resolved(map[entry], chain, $"{Child(path, key)}[{entry}]", location, context, errors) is { } value)
                        map[entry] = value;
                }
                continue;
            }
            if (Walk(child, chain, Child(path, key), location, context, errors) is { } replaced)
                obj[key] = replaced;
        }
    }

    private static JsonNode? Walk(JsonNode? node, ImmutableList<JsonObject> chain, string path, SourceLocation? location,
        Context context, ImmutableArray<ConfigError>.Builder errors)
    {
        switch (node)
        {
            case JsonObject obj:
                WalkObject(obj, chain, path, location, context, errors);
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Walk(array[i], chain, $"{path}[{i}]", location, context, errors) is { } replaced)
                        array[i] = replaced;
                }
                return null;
            default:
                return Resolved(node, chain, path, location, context, errors);
        }
    }

    private static JsonNode? Resolved(JsonNode? node, ImmutableList<JsonObject> chain, string path, SourceLocation? location,
        Context context, ImmutableArray<ConfigError>.Builder errors)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || !text.Contains("{{", StringComparison.Ordinal))
            return null;
        var outcome = ResolveText(text, chain, context, 0);
        if (outcome.Error is not null)
        {
            errors.Add(ConfigError.At(location, path, outcome.Rule, outcome.Error));
            return null;
        }
        return outcome.Value == text ? null : JsonValue.Create(outcome.Value);
    }

    private static Outcome ResolveText(string text, ImmutableList<JsonObject> chain, Context context, int depth)
    {
        if (depth > MaxDepth)
            return Outcome.Fail("template-loop", $"templates refer to each other in a loop (more than {MaxDepth} levels deep)");
        var position = 0;
        for (var substitutions = 0; ; substitutions++)
        {
            if (substitutions > MaxSubstitutions)
                return Outcome.Fail("template-loop", $"template expansion of '{Short(text)}' does not end");
            var start = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (start < 0)
                return Outcome.Of(text);
            var end = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0)
                return Outcome.Of(text);
            var inner = start;
            for (var i = start + 1; i < end - 1; i++)
            {
                if (text[i] == '{' && text[i + 1] == '{')
                    inner = i;
            }
            var reference = text[(inner + 2)..end];
            var outcome = ResolveReference(reference, chain, context, depth);
            if (outcome.Error is not null)
                return outcome;
            if (outcome.Keep)
            {
                position = end + 2;
                continue;
            }
            text = string.Concat(text.AsSpan(0, inner), outcome.Value, text.AsSpan(end + 2));
            position = 0;
        }
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static Outcome ResolveReference(string reference, ImmutableList<JsonObject> chain, Context context, int depth)
    {
        if (reference.Any(char.IsWhiteSpace))
            return Outcome.Fail("template-syntax", $"'{{{{{reference}}}}}': spaces are not allowed inside {{{{ }}}}; write {{{{{reference.Trim()}}}}}");
        var match = ReferencePattern().Match(reference);
        if (!match.Success)
            return Outcome.Fail("template-syntax", $"'{{{{{reference}}}}}' is not a template reference (names, .field and [key])");
        var first = match.Groups[1].Value;
        var rest = SegmentPattern().Matches(match.Groups[2].Value)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

        if (first is "mesos" or "thermos" or "docker")
            return Builtin(reference, first, rest, chain, context, depth);

        for (var level = chain.Count - 1; level >= 0; level--)
        {
            var scope = chain[level];
            var scopeChain = chain.GetRange(0, level + 1);
            if (ReferenceEquals(scope, context.Job))
            {
                if (context.Bindings.TryGetValue(reference, out var exact))
                    return ResolveText(exact, scopeChain, context, depth + 1);
                if (context.Bindings.TryGetValue(first, out var bound))
                {
                    return rest.Count == 0
                        ? ResolveText(bound, scopeChain, context, depth + 1)
                        : Outcome.Fail("template-unbound", $"'{{{{{reference}}}}}': --bind {first} is a value, not a struct");
                }
            }
            if (scope["$bind"] is JsonObject bindings && bindings.TryGetPropertyValue(first, out var boundNode) && boundNode is not null)
                return Navigate(reference, boundNode, rest, scopeChain, context, depth);
            if (scope.TryGetPropertyValue(first, out var field) && field is not null)
                return Navigate(reference, field, rest, scopeChain, context, depth);
        }
        return Outcome.Fail("template-unbound",
            $"'{{{{{reference}}}}}' is not bound: no field or binding '{first}' around it; bind it with .bind({first}=...) or --bind {first}=VALUE");
    }

    private static Outcome Builtin(string reference, string first, List<string> rest, ImmutableList<JsonObject> chain, Context context, int depth)
    {
        if (InstanceTimeNames.Contains(reference))
            return Outcome.Kept;
        if (first == "thermos" && rest.Count == 2 && rest[0] == "ports")
            return Outcome.Kept;
        if (reference is "mesos.role" or "mesos.cluster")
            return ResolveReference(reference["mesos.".Length..], chain, context, depth + 1);
        if (first == "docker")
            return Outcome.Fail("template-unsupported", $"'{{{{{reference}}}}}' needs a Docker registry lookup, which Tessera does not do; write the image reference");
        return Outcome.Fail("template-unbound",
            $"'{{{{{reference}}}}}' is not a known built-in (mesos.instance, mesos.hostname, mesos.role, mesos.cluster, thermos.ports[NAME], thermos.task_id, thermos.user)");
    }

    private static Outcome Navigate(string reference, JsonNode node, List<string> rest, ImmutableList<JsonObject> chain,
        Context context, int depth)
    {
        foreach (var segment in rest)
        {
            if (node is JsonObject obj)
            {
                chain = chain.Add(obj);
                if (!obj.TryGetPropertyValue(segment, out var next) || next is null)
                    return Outcome.Fail("template-unbound", $"'{{{{{reference}}}}}': '{segment}' is not set");
                node = next;
            }
            else if (node is JsonArray array)
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= array.Count || array[index] is null)
                    return Outcome.Fail("template-unbound", $"'{{{{{reference}}}}}': no element [{segment}] (the list has {array.Count})");
                node = array[index]!;
            }
            else
            {
                return Outcome.Fail("template-unbound", $"'{{{{{reference}}}}}': cannot look up '{segment}' in a value");
            }
        }
        if (node is JsonObject or JsonArray)
            return Outcome.Fail("template-type", $"'{{{{{reference}}}}}' is a {(node is JsonObject ? "struct" : "list")}, not a value");
        var value = (JsonValue)node;
        if (value.TryGetValue<string>(out var text))
            return ResolveText(text, chain, context, depth + 1);
        if (value.TryGetValue<bool>(out var flag))
            return Outcome.Of(flag ? "true" : "false");
        return Outcome.Of(value.ToJsonString());
    }
}
