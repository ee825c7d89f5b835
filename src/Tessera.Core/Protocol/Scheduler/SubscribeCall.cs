namespace Tessera.Core.Protocol.Scheduler;

/// <summary>Mesos <c>scheduler.Call.Subscribe</c>.</summary>
public sealed record SubscribeCall
{
    /// <summary>The framework.</summary>
    public required FrameworkInfo FrameworkInfo { get; init; }

    /// <summary>Roles to start suppressed.</summary>
    public IReadOnlyList<string>? SuppressedRoles { get; init; }

    /// <summary>Attribute constraints on offers (kept as raw JSON).</summary>
    public System.Text.Json.JsonElement? OfferConstraints { get; init; }
}
