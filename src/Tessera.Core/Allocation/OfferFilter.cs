using Tessera.Core.Resources;

namespace Tessera.Core.Allocation;

/// <summary>
/// "Don't offer me these resources on this agent again before <see cref="Expires"/>": made by a
/// DECLINE (or the unused part of an ACCEPT) with <c>Filters.refuse_seconds</c>. As in Mesos it only
/// holds while the agent offers no more than was refused: if more becomes free, the filter lets it through.
/// </summary>
public sealed record OfferFilter(ResourceQuantities Refused, DateTimeOffset Expires)
{
    /// <summary>Mesos' default <c>refuse_seconds</c>.</summary>
    public static readonly TimeSpan DefaultRefuse = TimeSpan.FromSeconds(5);

    /// <summary>Mesos caps <c>refuse_seconds</c> at 365 days.</summary>
    public static readonly TimeSpan MaxRefuse = TimeSpan.FromDays(365);

    /// <summary>
    /// The refusal period for a <c>refuse_seconds</c> value: absent, negative or not a number means the
    /// default; above a year is capped; zero means no filter (null).
    /// </summary>
    public static TimeSpan? RefusePeriod(double? refuseSeconds)
    {
        if (refuseSeconds is not { } s || double.IsNaN(s) || s < 0) return DefaultRefuse;
        if (s == 0) return null;
        return s >= MaxRefuse.TotalSeconds ? MaxRefuse : TimeSpan.FromSeconds(s);
    }

    /// <summary>A filter for <paramref name="refused"/>, or null when <paramref name="refuseSeconds"/> asks for none.</summary>
    public static OfferFilter? Create(ResourceQuantities refused, double? refuseSeconds, DateTimeOffset now) =>
        RefusePeriod(refuseSeconds) is { } period ? new OfferFilter(refused, now + period) : null;

    /// <summary>Active strictly before the deadline: at <see cref="Expires"/> exactly it no longer filters.</summary>
    public bool IsActive(DateTimeOffset now) => now < Expires;

    public bool Filters(ResourceQuantities candidate, DateTimeOffset now) => IsActive(now) && Refused.Contains(candidate);
}
