using System.Collections.Immutable;

namespace Tessera.Jobs.Scheduling;

/// <summary>A job's constraints, parsed: the rules (incl. the implicit host limit), the dedicated value if any, and the problems.</summary>
public sealed record ParsedConstraints(
    ImmutableArray<SchedulingConstraint> Constraints,
    string? Dedicated,
    ImmutableArray<InvalidConstraint> Errors)
{
    public bool IsValid => Errors.IsEmpty;
}
