using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// Resources of one agent to offer to one framework for one role. The resources carry no
/// allocation_info: the role rides in <see cref="Role"/> and the master stamps it on the wire, which
/// keeps the allocator from rebuilding every resource it offers.
/// </summary>
public sealed record PlannedOffer(string FrameworkId, string AgentId, string Role, ResourceSet Resources);
