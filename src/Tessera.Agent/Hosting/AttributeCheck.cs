using Tessera.Core.Flags;

namespace Tessera.Agent.Hosting;

/// <summary>Checks <c>--attributes</c> up front so a typo is a usage error, not a failure at registration.</summary>
public static class AttributeCheck
{
    public static void Validate(string? text)
    {
        try
        {
            AttributeText.Parse(text);
        }
        catch (Exception e) when (e is FormatException or Core.Resources.ResourceParseException)
        {
            throw new FlagException($"flag '--attributes': {e.Message}");
        }
    }
}
