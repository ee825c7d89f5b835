using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using ResourceQuantities = Tessera.Core.Resources.ResourceQuantities;

namespace Tessera.Cli.Client;

/// <summary>
/// Quota amounts as the CLI reads them (pure): <c>cpus:2;mem:1024</c> (or with commas,
/// <c>cpus:2,mem:1024</c>, which needs no shell quoting), parsed by Core's resource parser as
/// unreserved scalars. Errors are usage errors naming the option and the rule.
/// </summary>
internal static class QuotaText
{
    public const string Rule = "write name:value pairs of unreserved scalars joined by ';' or ',', e.g. cpus:2;mem:1024";

    public static IReadOnlyDictionary<string, ValueScalar>? Parse(string option, string? text)
    {
        if (text is null) return null;
        var normalized = text.Replace(',', ';');
        ResourceQuantities quantities;
        try
        {
            quantities = ResourceQuantities.Parse(normalized);
        }
        catch (Exception e) when (e is ResourceParseException or ResourceInvariantException)
        {
            throw new CliException($"{option} '{text}': {Reason(e)} ({Rule})", TesseraCommand.ExitUsage, e);
        }
        if (quantities.IsEmpty && normalized.Trim().Length > 0)
            throw new CliException($"{option} '{text}': every amount is zero ({Rule})", TesseraCommand.ExitUsage);
        return quantities.Entries.ToDictionary(e => e.Key, e => ValueScalar.Of(e.Value.Value), StringComparer.Ordinal);
    }

    /// <summary>A guarantee above its limit is a usage error naming both options.</summary>
    public static void CheckWithinLimits(IReadOnlyDictionary<string, ValueScalar>? guarantees, IReadOnlyDictionary<string, ValueScalar>? limits)
    {
        if (guarantees is null || limits is null) return;
        foreach (var (name, guarantee) in guarantees)
            if (limits.TryGetValue(name, out var limit) && guarantee.Value > limit.Value)
                throw new CliException($"--guarantee {name}:{ResourceText.Number(guarantee.Value)} is above --limit {name}:{ResourceText.Number(limit.Value)} (a guarantee must not exceed its limit)", TesseraCommand.ExitUsage);
    }

    private static string Reason(Exception e) => e is ResourceParseException p ? $"{p.Reason} at '{p.Token}'" : e.Message;
}
