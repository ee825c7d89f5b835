using Microsoft.Data.Sqlite;
using Tessera.State.Sqlite;

namespace Tessera.State;

/// <summary>
/// <see cref="IKeyValueStore"/> on one SQLite file: WAL journal, <c>synchronous=FULL</c> (a commit
/// is on disk when it returns), writes serialised in-process by a semaphore and across connections
/// and processes by <c>BEGIN IMMEDIATE</c>. Reads use pooled connections and run beside writes.
/// </summary>
public sealed class SqliteKeyValueStore : IKeyValueStore
{
    /// <summary>How long a connection waits for another writer's lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;

    private SqliteKeyValueStore(string path, string connectionString, SqliteConnection writer)
    {
        Path = path;
        _connectionString = connectionString;
        _writer = writer;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens (creating the file and its parent folder if needed) a store at <paramref name="path"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file has a schema this build does not know.</exception>
    public static async Task<SqliteKeyValueStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        // The writer lives as long as the store, so it skips the pool; readers come and go and use it.
        var writerConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        var writer = new SqliteConnection(writerConnectionString);
        try
        {
            await OpenConnectionAsync(writer, cancellationToken).ConfigureAwait(false);
            // Persistent in the file; needs no transaction open, so it comes before the schema.
            var mode = await ReadTextAsync(writer, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"store file '{fullPath}' refused WAL journal mode (got '{mode}')");
            await SqliteSchema.EnsureAsync(writer, fullPath, cancellationToken).ConfigureAwait(false);
            return new SqliteKeyValueStore(fullPath, connectionString, writer);
        }
        catch
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<VersionedValue?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var keyBytes = StoreLimits.EncodeKey(key);
        ThrowIfDisposed();
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, version FROM kv WHERE key = $key";
        command.Parameters.AddWithValue("$key", keyBytes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return new VersionedValue(reader.GetFieldValue<byte[]>(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<KeyValueEntry>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var start = StoreLimits.EncodePrefix(prefix);
        var end = PrefixRangeEnd(start);
        ThrowIfDisposed();
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = end is null
            ? "SELECT key, value, version FROM kv WHERE key >= $start ORDER BY key"
            : "SELECT key, value, version FROM kv WHERE key >= $start AND key < $end ORDER BY key";
        command.Parameters.AddWithValue("$start", start);
        if (end is not null)
            command.Parameters.AddWithValue("$end", end);
        var entries = new List<KeyValueEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new KeyValueEntry(
                StoreLimits.DecodeKey(reader.GetFieldValue<byte[]>(0)),
                reader.GetFieldValue<byte[]>(1),
                reader.GetInt64(2)));
        }
        return entries.AsReadOnly();
    }

    /// <inheritdoc />
    public async Task<CommitResult> CommitAsync(
        IReadOnlyList<StoreOperation> operations, CancellationToken cancellationToken)
    {
        var validated = OperationValidator.Validate(operations);
        ThrowIfDisposed();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            if (validated.Count == 0)
                return CommitResult.Success(await ReadRevisionAsync(cancellationToken).ConfigureAwait(false));
            return await CommitLockedAsync(validated, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the write connection and the pooled read connections of this file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Wait for a commit in flight so the connection is not closed under it.
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            // Idle pooled readers would keep the file open after the store is gone.
            await using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<CommitResult> CommitLockedAsync(
        IReadOnlyList<(StoreOperation Operation, byte[] Key)> operations, CancellationToken cancellationToken)
    {
        // IMMEDIATE takes the write lock now, so the versions read below cannot change before
        // COMMIT, and two connections never deadlock upgrading a read lock to a write lock.
        await SqliteCommands.ExecuteAsync(_writer, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
        var finished = false;
        try
        {
            var revision = await ReadRevisionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (operation, key) in operations)
            {
                var current = await ReadVersionAsync(key, cancellationToken).ConfigureAwait(false);
                if (!operation.Expected.IsSatisfiedBy(current))
                {
                    await SqliteCommands.ExecuteAsync(_writer, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                    finished = true;
                    return CommitResult.Failed(revision, new CommitConflict(operation.Key, operation.Expected, current));
                }
            }

            var next = revision + 1;
            foreach (var (operation, key) in operations)
                await ApplyAsync(operation, key, next, cancellationToken).ConfigureAwait(false);
            await using (var bump = _writer.CreateCommand())
            {
                bump.CommandText = "UPDATE store_meta SET value = $next WHERE name = 'revision'";
                bump.Parameters.AddWithValue("$next", next);
                await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            // Not cancellable: once COMMIT starts its outcome must be the one we report.
            await SqliteCommands.ExecuteAsync(_writer, "COMMIT", CancellationToken.None).ConfigureAwait(false);
            finished = true;
            return CommitResult.Success(next);
        }
        finally
        {
            if (!finished)
                await SqliteCommands.RollbackQuietlyAsync(_writer).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(StoreOperation operation, byte[] key, long revision, CancellationToken cancellationToken)
    {
        await using var command = _writer.CreateCommand();
        command.Parameters.AddWithValue("$key", key);
        switch (operation)
        {
            case PutOperation put:
                command.CommandText = """
                    INSERT INTO kv (key, value, version) VALUES ($key, $value, $version)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = excluded.version
                    """;
                command.Parameters.Add("$value", SqliteType.Blob).Value = put.Value.ToArray();
                command.Parameters.AddWithValue("$version", revision);
                break;
            case DeleteOperation:
                command.CommandText = "DELETE FROM kv WHERE key = $key";
                break;
            default:
                throw new InvalidOperationException($"unknown operation {operation.GetType().Name}");
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<long?> ReadVersionAsync(byte[] key, CancellationToken cancellationToken)
    {
        await using var command = _writer.CreateCommand();
        command.CommandText = "SELECT version FROM kv WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long version ? version : null;
    }

    private async Task<long> ReadRevisionAsync(CancellationToken cancellationToken) =>
        await SqliteCommands.ScalarAsync(_writer, "SELECT value FROM store_meta WHERE name = 'revision'", cancellationToken)
            .ConfigureAwait(false)
        ?? throw new InvalidOperationException($"store file '{Path}' has no revision row");

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await OpenConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // busy_timeout and synchronous are per connection, so every connection (pooled or not) gets them.
    private static async Task OpenConnectionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqliteCommands.ExecuteAsync(connection,
            $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=FULL;",
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadTextAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))?.ToString();
    }

    /// <summary>
    /// The smallest key greater than every key with this prefix (etcd's GetPrefixRangeEnd):
    /// drop trailing 0xFF bytes, add one to the last; null when there is no bound (empty prefix).
    /// </summary>
    internal static byte[]? PrefixRangeEnd(byte[] prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var end = prefix.AsSpan(0, i + 1).ToArray();
                end[i]++;
                return end;
            }
        }
        return null;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
