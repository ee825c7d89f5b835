using Tessera.Core.Resources;

namespace Tessera.Master.State;

/// <summary>An outstanding offer: resources of one agent held for one framework role until answered or rescinded.</summary>
internal sealed record OfferRecord(string Id, string FrameworkId, string AgentId, string Role, ResourceSet Resources, DateTimeOffset CreatedAt);
