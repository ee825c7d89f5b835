namespace Tessera.State;

/// <summary>Checks a whole transaction before a backend touches storage, so bad input writes nothing.</summary>
internal static class OperationValidator
{
    /// <summary>Each operation with its encoded key; throws <see cref="ArgumentException"/> on any bad one.</summary>
    public static IReadOnlyList<(StoreOperation Operation, byte[] Key)> Validate(
        IReadOnlyList<StoreOperation> operations, string paramName = "operations")
    {
        ArgumentNullException.ThrowIfNull(operations, paramName);
        var result = new List<(StoreOperation, byte[])>(operations.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i]
                ?? throw new ArgumentException($"operation {i} is null", paramName);
            var key = StoreLimits.EncodeKey(operation.Key, paramName);
            if (operation is PutOperation put)
                StoreLimits.CheckValue(operation.Key, put.Value, paramName);
            else if (operation is not DeleteOperation)
                throw new ArgumentException($"operation {i} has unknown kind {operation.GetType().Name}", paramName);
            // etcd rejects a txn that names one key twice ("duplicate key given in txn request").
            if (!seen.Add(operation.Key))
                throw new ArgumentException($"key '{operation.Key}' appears more than once in one transaction", paramName);
            result.Add((operation, key));
        }
        return result;
    }
}
