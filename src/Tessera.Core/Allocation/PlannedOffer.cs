using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>Resources of one agent to offer to one framework for one role (allocation_info already set).</summary>
public sealed record PlannedOffer(string FrameworkId, string AgentId, string Role, ResourceSet Resources);
