using System.Collections.Frozen;

namespace Tessera.Jobs.Scheduling;

/// <summary>A parsed job constraint; <see cref="Rule"/> is the value as the job wrote it.</summary>
public abstract record SchedulingConstraint(string Attribute, string Rule);

/// <summary>
/// <c>'attr': 'v1,v2'</c>: the agent's value must be one of <see cref="Values"/>; with a leading
/// <c>!</c> (<see cref="Negated"/>) it must be none of them. An agent without the attribute fails
/// a plain constraint and passes a negated one.
/// </summary>
public sealed record ValueConstraint(string Attribute, string Rule, FrozenSet<string> Values, bool Negated)
    : SchedulingConstraint(Attribute, Rule)
{
    public bool Allows(string? agentValue) =>
        agentValue is null ? Negated : Values.Contains(agentValue) != Negated;
}

/// <summary>
/// <c>'attr': 'limit:N'</c>: at most <see cref="Limit"/> active tasks of the job per value of the
/// attribute. An agent without the attribute is excluded.
/// </summary>
public sealed record LimitConstraint(string Attribute, string Rule, int Limit) : SchedulingConstraint(Attribute, Rule);
