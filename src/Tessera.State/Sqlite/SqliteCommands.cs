using Microsoft.Data.Sqlite;

namespace Tessera.State.Sqlite;

/// <summary>Small command helpers shared by the SQLite backend.</summary>
internal static class SqliteCommands
{
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row as a long, or null for no row or NULL.</summary>
    public static async Task<long?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// ROLLBACK that tolerates "no transaction is active": SQLite rolls back by itself after some
    /// errors, and the caller is already reporting the original one.
    /// </summary>
    public static async Task RollbackQuietlyAsync(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
            return;
        try
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
        }
    }
}
