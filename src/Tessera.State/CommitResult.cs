namespace Tessera.State;

/// <summary>
/// The outcome of <see cref="IKeyValueStore.CommitAsync"/>. A failed condition is an expected
/// outcome, so it is data here rather than an exception.
/// </summary>
/// <param name="Succeeded">True when every condition held and every operation was applied.</param>
/// <param name="Revision">On success, the revision of this commit: the new version of every key it put.
/// On failure, the store's current revision.</param>
/// <param name="Conflict">On failure, the first operation (in request order) whose condition failed.</param>
public sealed record CommitResult(bool Succeeded, long Revision, CommitConflict? Conflict)
{
    /// <summary>A commit that applied everything at <paramref name="revision"/>.</summary>
    public static CommitResult Success(long revision) => new(true, revision, null);

    /// <summary>A commit that applied nothing because of <paramref name="conflict"/>.</summary>
    public static CommitResult Failed(long revision, CommitConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return new(false, revision, conflict);
    }
}
