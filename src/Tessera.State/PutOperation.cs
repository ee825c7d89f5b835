namespace Tessera.State;

/// <summary>Writes a value under a key when the key's version meets <see cref="StoreOperation.Expected"/>.</summary>
public sealed record PutOperation(string Key, ReadOnlyMemory<byte> Value, ExpectVersion Expected)
    : StoreOperation(Key, Expected);
