namespace Tessera.State;

/// <summary>
/// A small versioned key/value store with etcd v3 semantics: every write stamps the key with the
/// store-wide revision of its commit (etcd's mod_revision), and <see cref="CommitAsync"/> is a
/// transaction of conditional puts and deletes that applies all or nothing.
/// </summary>
/// <remarks>
/// Keys are ordered by their UTF-8 bytes, as etcd orders them. Limits are in <see cref="StoreLimits"/>.
/// </remarks>
public interface IKeyValueStore : IAsyncDisposable
{
    /// <summary>The value and version of <paramref name="key"/>, or null when the key is absent.</summary>
    Task<VersionedValue?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Every key that starts with <paramref name="prefix"/> (all keys for ""), sorted by key,
    /// read from one consistent snapshot.
    /// </summary>
    Task<IReadOnlyList<KeyValueEntry>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the condition of every operation first; when all hold, applies all of them at one new
    /// revision, otherwise applies none and reports the first failing key with its current version.
    /// </summary>
    /// <exception cref="ArgumentException">A key or value breaks <see cref="StoreLimits"/>, or a key
    /// appears twice; nothing is written.</exception>
    Task<CommitResult> CommitAsync(IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken);
}
