namespace Tessera.Jobs.Config;

/// <summary>
/// Where a process's output goes: <c>destination</c> file|console|both|none (file), <c>mode</c>
/// standard|rotate (standard) and the rotation policy.
/// </summary>
public sealed record LoggerConfig(string Destination, string Mode, RotatePolicyConfig Rotate)
{
    public static readonly string[] Destinations = ["file", "console", "both", "none"];
    public static readonly string[] Modes = ["standard", "rotate"];
    public static readonly LoggerConfig Default = new("file", "standard", RotatePolicyConfig.Default);
}
