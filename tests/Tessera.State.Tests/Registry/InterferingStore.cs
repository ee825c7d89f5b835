namespace Tessera.State.Tests.Registry;

/// <summary>A store where another writer touches every key just before each commit, so every CAS loses.</summary>
internal sealed class InterferingStore(IKeyValueStore inner) : IKeyValueStore
{
    public int Commits { get; private set; }

    public Task<VersionedValue?> GetAsync(string key, CancellationToken cancellationToken) =>
        inner.GetAsync(key, cancellationToken);

    public Task<IReadOnlyList<KeyValueEntry>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        inner.ListAsync(prefix, cancellationToken);

    public async Task<CommitResult> CommitAsync(IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken)
    {
        Commits++;
        foreach (var operation in operations)
        {
            var current = await inner.GetAsync(operation.Key, cancellationToken);
            if (current is not null)
                await inner.PutAsync(operation.Key, current.Value, ExpectVersion.Any, cancellationToken);
        }
        return await inner.CommitAsync(operations, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
