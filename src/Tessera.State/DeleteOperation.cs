namespace Tessera.State;

/// <summary>Removes a key when its version meets <see cref="StoreOperation.Expected"/>.</summary>
public sealed record DeleteOperation(string Key, ExpectVersion Expected) : StoreOperation(Key, Expected);
