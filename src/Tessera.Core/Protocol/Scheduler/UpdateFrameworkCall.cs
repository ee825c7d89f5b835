namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.UpdateFramework</c>.</summary>
public sealed record UpdateFrameworkCall
{
    /// <summary>The new FrameworkInfo.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }

    /// <summary>Roles to keep suppressed.</summary>
    public IReadOnlyList<string>? SuppressedRoles { get; init; }

    /// <summary>Attribute constraints on offers (kept as raw JSON).</summary>
    public System.Text.Json.JsonElement? OfferConstraints { get; init; }
}
