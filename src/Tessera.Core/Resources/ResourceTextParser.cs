using System.Globalization;

namespace Tessera.Core.Resources;

/// <summary>
/// Parses the agent <c>--resources</c> text form, <c>name[(role)]:value</c> joined by <c>;</c>:
/// <c>cpus:4;mem:8192;disk(ops):100;ports:[31000-32000,40000-40010];zones:{a,b}</c>.
/// A value is a number (scalar), <c>[b-e,…]</c> (ranges) or <c>{x,…}</c> (set). Repeated names are
/// added together, as Mesos does. Text that starts with <c>[</c> is the JSON array form instead.
/// Every error names the token and its position.
/// </summary>
public static class ResourceTextParser
{
    public static ResourceSet Parse(string text, string defaultRole = RoleName.Default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.TrimStart().StartsWith('['))
            return ResourceJsonForm.Parse(text);
        var resources = new List<Resource>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf(';', start);
            if (end < 0) end = text.Length;
            var raw = text[start..end];
            var lead = raw.Length - raw.TrimStart().Length;
            var token = raw.Trim();
            if (token.Length > 0)
                resources.Add(ParseToken(text, start + lead, token, defaultRole));
            start = end + 1;
        }
        try
        {
            return ResourceSet.Of(resources);
        }
        catch (ResourceInvariantException e)
        {
            throw new ResourceParseException(text, 0, text, e.Message);
        }
    }

    private static Resource ParseToken(string input, int position, string token, string defaultRole)
    {
        ResourceParseException Error(string reason) => new(input, position, token, reason);

        var colon = token.IndexOf(':');
        if (colon < 0) throw Error("expected 'name:value'");
        var head = token[..colon].Trim();
        var value = token[(colon + 1)..].Trim();
        var role = defaultRole;
        var open = head.IndexOf('(');
        if (open >= 0)
        {
            if (!head.EndsWith(')')) throw Error("role must be written as 'name(role)'");
            role = head[(open + 1)..^1].Trim();
            head = head[..open].Trim();
            if (RoleName.Validate(role) is { } badRole) throw Error(badRole);
        }
        if (head.Length == 0) throw Error("resource name is empty");
        if (head.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '{' or '}'))
            throw Error($"resource name '{head}' contains a space or bracket");
        if (value.Length == 0) throw Error("value is empty");
        try
        {
            return value[0] switch
            {
                '[' => Resource.OfRanges(head, ParseRanges(value, Error), role),
                '{' => Resource.OfSet(head, ParseSet(value, Error), role),
                _ => Resource.OfScalar(head, ParseScalar(value, Error), role),
            };
        }
        catch (ResourceInvariantException e)
        {
            throw Error(e.Message);
        }
    }

    private static double ParseScalar(string value, Func<string, ResourceParseException> error)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw error($"'{value}' is not a number");
        if (v < 0) throw error($"'{value}' is negative");
        return v;
    }

    private static RangeSet ParseRanges(string value, Func<string, ResourceParseException> error)
    {
        if (!value.EndsWith(']')) throw error("ranges must be written as [begin-end,...]");
        var ranges = new List<ValueRange>();
        foreach (var part in value[1..^1].Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) continue;
            var dash = part.IndexOf('-');
            if (dash < 0) throw error($"range '{part}' must be written as begin-end");
            if (!ulong.TryParse(part[..dash].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ||
                !ulong.TryParse(part[(dash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var e))
                throw error($"range '{part}' has a bound that is not a non-negative integer");
            if (b > e) throw error($"range '{part}' has begin greater than end");
            ranges.Add(new ValueRange(b, e));
        }
        return RangeSet.Of(ranges);
    }

    private static ItemSet ParseSet(string value, Func<string, ResourceParseException> error)
    {
        if (!value.EndsWith('}')) throw error("sets must be written as {item,...}");
        var items = value[1..^1].Split(',', StringSplitOptions.TrimEntries).Where(s => s.Length > 0);
        return ItemSet.Of(items);
    }
}
