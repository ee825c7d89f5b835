namespace Tessera.State;

/// <summary>Single-operation shorthands for <see cref="IKeyValueStore.CommitAsync"/>.</summary>
public static class KeyValueStoreExtensions
{
    /// <summary>Puts one key if <paramref name="expected"/> holds.</summary>
    public static Task<CommitResult> PutAsync(
        this IKeyValueStore store, string key, ReadOnlyMemory<byte> value, ExpectVersion expected,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.CommitAsync([StoreOperation.Put(key, value, expected)], cancellationToken);
    }

    /// <summary>Deletes one key if <paramref name="expected"/> holds.</summary>
    public static Task<CommitResult> DeleteAsync(
        this IKeyValueStore store, string key, ExpectVersion expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.CommitAsync([StoreOperation.Delete(key, expected)], cancellationToken);
    }
}
