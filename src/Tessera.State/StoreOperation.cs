namespace Tessera.State;

/// <summary>
/// One conditional write of a <see cref="IKeyValueStore.CommitAsync"/> transaction:
/// a <see cref="PutOperation"/> or a <see cref="DeleteOperation"/>.
/// </summary>
public abstract record StoreOperation
{
    // Closed hierarchy: backends switch over exactly these two kinds.
    private protected StoreOperation(string key, ExpectVersion expected)
    {
        Key = key;
        Expected = expected;
    }

    /// <summary>The key written.</summary>
    public string Key { get; }

    /// <summary>The condition on the key's current version.</summary>
    public ExpectVersion Expected { get; }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> if <paramref name="expected"/> holds.</summary>
    public static PutOperation Put(string key, ReadOnlyMemory<byte> value, ExpectVersion expected) =>
        new(key, value, expected);

    /// <summary>Removes <paramref name="key"/> if <paramref name="expected"/> holds; an absent key stays absent.</summary>
    public static DeleteOperation Delete(string key, ExpectVersion expected) => new(key, expected);
}
