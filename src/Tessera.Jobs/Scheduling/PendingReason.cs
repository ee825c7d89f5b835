using System.Globalization;

namespace Tessera.Jobs.Scheduling;

/// <summary>
/// Why a task is still pending: typed, with the amounts asked and available, so the API, CLI, UI
/// and logs show the same thing.
/// </summary>
public abstract record PendingReason
{
    private protected PendingReason()
    {
    }

    /// <summary>One human sentence, the same everywhere.</summary>
    public abstract string Describe();

    public sealed override string ToString() => Describe();

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    internal static string Agents(int count) => count == 1 ? "1 agent" : $"{count} agents";
}

/// <summary>No agent offered anything this round.</summary>
public sealed record NoOffers : PendingReason
{
    public override string Describe() => "no offers";
}

/// <summary>The task waits out its flapping penalty.</summary>
public sealed record Throttled(DateTimeOffset Until) : PendingReason
{
    public override string Describe() =>
        $"throttled for flapping until {Until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A resource short on <paramref name="ShortAgents"/> of the <paramref name="CandidateAgents"/>
/// agents the constraints allow; <paramref name="BestAvailable"/> is the most any of those short agents has.
/// </summary>
/// <param name="Name">cpus, ram, disk, gpus or ports.</param>
/// <param name="Asked">What the task asks.</param>
/// <param name="BestAvailable">The most free on an agent that is short.</param>
/// <param name="Unit">"MB" for ram and disk, otherwise the resource name.</param>
public sealed record InsufficientResource(string Name, double Asked, double BestAvailable, string Unit, int ShortAgents, int CandidateAgents)
    : PendingReason
{
    public override string Describe() => ShortAgents >= CandidateAgents
        ? $"insufficient {Name}: asks {Number(Asked)} {Unit}, best agent has {Number(BestAvailable)} free"
        : $"insufficient {Name} on {ShortAgents} of {CandidateAgents} agents: asks {Number(Asked)} {Unit}, best of them has {Number(BestAvailable)} free";
}

/// <summary>A constraint that rules out <paramref name="ExcludedAgents"/> agents (<paramref name="Rule"/> as written).</summary>
public sealed record ConstraintMismatch(string Attribute, string Rule, int ExcludedAgents) : PendingReason
{
    public override string Describe() => $"constraint {Attribute} {Rule} excludes {Agents(ExcludedAgents)}";
}

/// <summary>Agents dedicated (attribute <c>dedicated</c>) to other jobs.</summary>
public sealed record DedicatedToOthers(int ExcludedAgents) : PendingReason
{
    public override string Describe() =>
        ExcludedAgents == 1 ? "1 agent is dedicated to other jobs" : $"{ExcludedAgents} agents are dedicated to other jobs";
}

/// <summary>A constraint that can't be understood; the task is not placed until the job is fixed.</summary>
public sealed record InvalidConstraint(string Attribute, string Value, string Problem) : PendingReason
{
    public override string Describe() => $"constraint {Attribute} '{Value}' is invalid: {Problem}";
}
