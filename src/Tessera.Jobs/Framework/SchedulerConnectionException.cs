namespace Tessera.Jobs.Framework;

/// <summary>
/// A failure of the Scheduler API transport: the master could not be reached (or no leader is
/// elected, or the event stream was lost: <see cref="Unreachable"/>), or it refused a call.
/// </summary>
public sealed class SchedulerConnectionException(string message, bool unreachable, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the master could not be reached or the stream was lost; false when it answered with a refusal.</summary>
    public bool Unreachable { get; } = unreachable;

    public static SchedulerConnectionException CannotReach(Uri master, string why, Exception? inner = null) =>
        new($"cannot reach the master at {master}: {why}", true, inner);
}
