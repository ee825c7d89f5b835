using System.Collections.Immutable;

namespace Tessera.Core.Allocation;

/// <summary>The answer to "why was (or wasn't) this agent offered to this framework": roles offered, and a reason per role not offered.</summary>
public sealed record OfferExplanation(string AgentId, string FrameworkId, ImmutableArray<string> OfferedRoles, ImmutableArray<NotOfferedReason> Reasons)
{
    public bool Offered => !OfferedRoles.IsEmpty;
}
