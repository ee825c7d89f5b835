using System.Globalization;
using Tessera.Core.Protocol;
using Tessera.Core.Resources;

namespace Tessera.Agent.Hosting;

/// <summary><c>--attributes rack:r1;os:linux;zone_id:3</c>: numbers become SCALAR, <c>[a-b]</c> RANGES, <c>{x,y}</c> SET, anything else TEXT.</summary>
internal static class AttributeText
{
    public static IReadOnlyList<AgentAttribute> Parse(string? text)
    {
        var list = new List<AgentAttribute>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || colon == part.Length - 1) throw new FormatException($"attribute '{part}' must be name:value");
            var name = part[..colon].Trim();
            var value = part[(colon + 1)..].Trim();
            list.Add(value switch
            {
                _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) =>
                    new AgentAttribute { Name = name, Type = ValueKind.SCALAR, Scalar = ValueScalar.Of(d) },
                ['[', .., ']'] => new AgentAttribute
                {
                    Name = name, Type = ValueKind.RANGES,
                    Ranges = new ValueRanges { Range = [.. ResourceSet.Parse($"x:{value}")[0].Ranges.Ranges.Select(r => Core.Protocol.ValueRange.Of(r.Begin, r.End))] },
                },
                ['{', .., '}'] => new AgentAttribute { Name = name, Type = ValueKind.SET, Set = new ValueSet { Item = [.. value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] } },
                _ => new AgentAttribute { Name = name, Type = ValueKind.TEXT, Text = new ValueText { Value = value } },
            });
        }
        return list;
    }
}
