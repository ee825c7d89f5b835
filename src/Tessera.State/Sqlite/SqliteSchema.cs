using Microsoft.Data.Sqlite;

namespace Tessera.State.Sqlite;

/// <summary>Creates and checks the tables of a <see cref="SqliteKeyValueStore"/> file.</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    // Keys are BLOBs of UTF-8 so that SQLite's memcmp order is etcd's byte order, and a prefix
    // listing is a range scan [prefix, prefix+1) on the primary key, exactly like etcd's range_end.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS kv (
            key BLOB PRIMARY KEY,
            value BLOB NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>Creates the tables on a new file, or checks the version of an existing one.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer schema.</exception>
    public static async Task EnsureAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        // IMMEDIATE: two processes opening a new file at once must not both insert the version row.
        await SqliteCommands.ExecuteAsync(connection, "BEGIN IMMEDIATE", cancellationToken).ConfigureAwait(false);
        var committed = false;
        try
        {
            await SqliteCommands.ExecuteAsync(connection, CreateTables, cancellationToken).ConfigureAwait(false);
            var version = await SqliteCommands.ScalarAsync(
                connection, "SELECT max(version) FROM schema_version", cancellationToken).ConfigureAwait(false);
            if (version is null)
            {
                await SqliteCommands.ExecuteAsync(connection,
                    $"INSERT INTO schema_version (version) VALUES ({CurrentVersion});" +
                    "INSERT OR IGNORE INTO store_meta (name, value) VALUES ('revision', 0);",
                    cancellationToken).ConfigureAwait(false);
            }
            else if (version != CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"store file '{path}' has schema version {version}; this build reads version {CurrentVersion} only");
            }
            await SqliteCommands.ExecuteAsync(connection, "COMMIT", CancellationToken.None).ConfigureAwait(false);
            committed = true;
        }
        finally
        {
            if (!committed)
                await SqliteCommands.RollbackQuietlyAsync(connection).ConfigureAwait(false);
        }
    }
}
