using Microsoft.Data.Sqlite;

namespace Tessera.State.Tests;

public sealed class SqliteKeyValueStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    // xunit 2 has no per-test token; this one keeps a hung test from hanging the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose()
    {
        _timeout.Dispose();
        _dir.Dispose();
    }

    private Task<SqliteKeyValueStore> OpenAsync() => SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);

    [Fact]
    public async Task Open_creates_the_folder_and_a_wal_file_with_a_schema_version()
    {
        await using (var store = await OpenAsync())
            Assert.Equal(_dir.DatabasePath, store.Path);

        Assert.True(File.Exists(_dir.DatabasePath));
        await using var raw = new SqliteConnection($"Data Source={_dir.DatabasePath};Pooling=False");
        await raw.OpenAsync(Ct);
        await using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Open_refuses_a_newer_schema()
    {
        await using (await OpenAsync()) { }
        await using (var raw = new SqliteConnection($"Data Source={_dir.DatabasePath};Pooling=False"))
        {
            await raw.OpenAsync(Ct);
            await using var command = raw.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(OpenAsync);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_of_a_missing_key_is_null()
    {
        await using var store = await OpenAsync();
        Assert.Null(await store.GetAsync("nope", Ct));
    }

    [Fact]
    public async Task Put_then_get_returns_value_and_version()
    {
        await using var store = await OpenAsync();
        var result = await store.PutAsync("a", Bytes.Of("one"), ExpectVersion.Any, Ct);

        Assert.True(result.Succeeded);
        Assert.Null(result.Conflict);
        var value = await store.GetAsync("a", Ct);
        Assert.NotNull(value);
        Assert.Equal("one", Bytes.Text(value.Value));
        Assert.Equal(result.Revision, value.Version);
        Assert.True(value.Version > 0);
    }

    [Fact]
    public async Task Empty_value_round_trips()
    {
        await using var store = await OpenAsync();
        await store.PutAsync("empty", ReadOnlyMemory<byte>.Empty, ExpectVersion.Absent, Ct);
        var value = await store.GetAsync("empty", Ct);
        Assert.NotNull(value);
        Assert.Equal(0, value.Value.Length);
    }

    [Fact]
    public async Task List_returns_only_the_prefix_sorted_by_key()
    {
        await using var store = await OpenAsync();
        foreach (var key in new[] { "b", "a/z", "a0", "a/", "a/b", "a", "a/a/deep", "ä/x" })
            Assert.True((await store.PutAsync(key, Bytes.Of(key), ExpectVersion.Absent, Ct)).Succeeded);

        var listed = await store.ListAsync("a/", Ct);
        Assert.Equal(["a/", "a/a/deep", "a/b", "a/z"], listed.Select(e => e.Key));
        Assert.All(listed, e => Assert.Equal(e.Key, Bytes.Text(e.Value)));

        var all = await store.ListAsync("", Ct);
        // UTF-8 byte order, as etcd: "ä" (0xC3 0xA4) sorts after every ASCII key.
        Assert.Equal(["a", "a/", "a/a/deep", "a/b", "a/z", "a0", "b", "ä/x"], all.Select(e => e.Key));
        Assert.Empty(await store.ListAsync("c", Ct));
        Assert.Equal(["ä/x"], (await store.ListAsync("ä", Ct)).Select(e => e.Key));
    }

    [Fact]
    public async Task Delete_removes_and_deleting_a_missing_key_with_any_succeeds()
    {
        await using var store = await OpenAsync();
        await store.PutAsync("k", Bytes.Of("v"), ExpectVersion.Absent, Ct);

        Assert.True((await store.DeleteAsync("k", ExpectVersion.Any, Ct)).Succeeded);
        Assert.Null(await store.GetAsync("k", Ct));
        Assert.True((await store.DeleteAsync("k", ExpectVersion.Any, Ct)).Succeeded);
        Assert.Empty(await store.ListAsync("", Ct));
    }

    [Fact]
    public async Task Put_with_absent_fails_when_the_key_exists_and_reports_its_version()
    {
        await using var store = await OpenAsync();
        var first = await store.PutAsync("k", Bytes.Of("first"), ExpectVersion.Absent, Ct);
        var second = await store.PutAsync("k", Bytes.Of("second"), ExpectVersion.Absent, Ct);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Equal(new CommitConflict("k", ExpectVersion.Absent, first.Revision), second.Conflict);
        Assert.Equal(first.Revision, second.Revision);
        Assert.Equal("first", Bytes.Text((await store.GetAsync("k", Ct))!.Value));
    }

    [Fact]
    public async Task Put_with_exact_version_succeeds_on_match_and_fails_when_stale()
    {
        await using var store = await OpenAsync();
        var v1 = (await store.PutAsync("k", Bytes.Of("1"), ExpectVersion.Absent, Ct)).Revision;
        var v2 = await store.PutAsync("k", Bytes.Of("2"), ExpectVersion.Exactly(v1), Ct);
        Assert.True(v2.Succeeded);
        Assert.True(v2.Revision > v1);

        var stale = await store.PutAsync("k", Bytes.Of("3"), ExpectVersion.Exactly(v1), Ct);
        Assert.False(stale.Succeeded);
        Assert.Equal("k", stale.Conflict!.Key);
        Assert.Equal(v2.Revision, stale.Conflict.CurrentVersion);
        Assert.Equal("2", Bytes.Text((await store.GetAsync("k", Ct))!.Value));

        var missing = await store.PutAsync("other", Bytes.Of("x"), ExpectVersion.Exactly(v1), Ct);
        Assert.False(missing.Succeeded);
        Assert.Null(missing.Conflict!.CurrentVersion);
        Assert.Null(await store.GetAsync("other", Ct));
    }

    [Fact]
    public async Task Delete_with_a_stale_version_keeps_the_value()
    {
        await using var store = await OpenAsync();
        var v1 = (await store.PutAsync("k", Bytes.Of("1"), ExpectVersion.Absent, Ct)).Revision;
        var v2 = (await store.PutAsync("k", Bytes.Of("2"), ExpectVersion.Any, Ct)).Revision;

        var result = await store.DeleteAsync("k", ExpectVersion.Exactly(v1), Ct);
        Assert.False(result.Succeeded);
        Assert.Equal(v2, result.Conflict!.CurrentVersion);
        Assert.NotNull(await store.GetAsync("k", Ct));
        Assert.True((await store.DeleteAsync("k", ExpectVersion.Exactly(v2), Ct)).Succeeded);
    }

    [Fact]
    public async Task A_failing_condition_applies_nothing_of_the_transaction()
    {
        await using var store = await OpenAsync();
        var existing = (await store.PutAsync("x", Bytes.Of("old"), ExpectVersion.Absent, Ct)).Revision;
        await store.PutAsync("gone-later", Bytes.Of("stay"), ExpectVersion.Absent, Ct);
        var before = await store.ListAsync("", Ct);

        var result = await store.CommitAsync(
        [
            StoreOperation.Put("new", Bytes.Of("n"), ExpectVersion.Absent),
            StoreOperation.Delete("gone-later", ExpectVersion.Any),
            StoreOperation.Put("x", Bytes.Of("new"), ExpectVersion.Absent),
            StoreOperation.Put("y", Bytes.Of("y"), ExpectVersion.Absent),
        ], Ct);

        Assert.False(result.Succeeded);
        Assert.Equal(new CommitConflict("x", ExpectVersion.Absent, existing), result.Conflict);
        var after = await store.ListAsync("", Ct);
        Assert.Equal(before.Select(e => (e.Key, Bytes.Text(e.Value), e.Version)), after.Select(e => (e.Key, Bytes.Text(e.Value), e.Version)));

        // The revision did not move either: the next commit is exactly one past the last success.
        var next = await store.PutAsync("z", Bytes.Of("z"), ExpectVersion.Absent, Ct);
        Assert.Equal(result.Revision + 1, next.Revision);
    }

    [Fact]
    public async Task A_successful_transaction_writes_every_key_at_one_revision()
    {
        await using var store = await OpenAsync();
        await store.PutAsync("del", Bytes.Of("d"), ExpectVersion.Absent, Ct);

        var result = await store.CommitAsync(
        [
            StoreOperation.Put("a", Bytes.Of("1"), ExpectVersion.Absent),
            StoreOperation.Put("b", Bytes.Of("2"), ExpectVersion.Any),
            StoreOperation.Delete("del", ExpectVersion.Any),
        ], Ct);

        Assert.True(result.Succeeded);
        var listed = await store.ListAsync("", Ct);
        Assert.Equal(["a", "b"], listed.Select(e => e.Key));
        Assert.All(listed, e => Assert.Equal(result.Revision, e.Version));
    }

    [Fact]
    public async Task An_empty_transaction_succeeds_and_changes_nothing()
    {
        await using var store = await OpenAsync();
        var before = (await store.PutAsync("a", Bytes.Of("1"), ExpectVersion.Absent, Ct)).Revision;
        var result = await store.CommitAsync([], Ct);
        Assert.True(result.Succeeded);
        Assert.Equal(before, result.Revision);
    }

    [Fact]
    public async Task Versions_are_never_reused_after_delete_even_across_reopen()
    {
        long first, second;
        await using (var store = await OpenAsync())
        {
            first = (await store.PutAsync("k", Bytes.Of("1"), ExpectVersion.Absent, Ct)).Revision;
            await store.DeleteAsync("k", ExpectVersion.Exactly(first), Ct);
            second = (await store.PutAsync("k", Bytes.Of("2"), ExpectVersion.Absent, Ct)).Revision;
            Assert.True(second > first);
            await store.DeleteAsync("k", ExpectVersion.Any, Ct);

            // An old version must not match the re-created key: the ABA case CAS exists to catch.
            await store.PutAsync("k", Bytes.Of("3"), ExpectVersion.Absent, Ct);
            Assert.False((await store.PutAsync("k", Bytes.Of("x"), ExpectVersion.Exactly(first), Ct)).Succeeded);
            Assert.False((await store.PutAsync("k", Bytes.Of("x"), ExpectVersion.Exactly(second), Ct)).Succeeded);
            await store.DeleteAsync("k", ExpectVersion.Any, Ct);
        }

        await using (var reopened = await OpenAsync())
        {
            var third = (await reopened.PutAsync("k", Bytes.Of("4"), ExpectVersion.Absent, Ct)).Revision;
            Assert.True(third > second + 2);
        }
    }

    [Fact]
    public async Task Data_survives_dispose_and_reopen()
    {
        long version;
        await using (var store = await OpenAsync())
        {
            version = (await store.PutAsync("persist/a", Bytes.Of("hello"), ExpectVersion.Absent, Ct)).Revision;
            await store.PutAsync("persist/b", Bytes.Of("world"), ExpectVersion.Absent, Ct);
            await store.DeleteAsync("persist/b", ExpectVersion.Any, Ct);
        }

        await using var reopened = await OpenAsync();
        var listed = await reopened.ListAsync("persist/", Ct);
        var entry = Assert.Single(listed);
        Assert.Equal(("persist/a", "hello", version), (entry.Key, Bytes.Text(entry.Value), entry.Version));
    }

    [Fact]
    public async Task Two_stores_on_one_file_count_concurrent_cas_increments_exactly()
    {
        const int perTask = 100;
        await using var one = await OpenAsync();
        await using var two = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);
        var stores = new IKeyValueStore[] { one, two };

        // Two tasks per store: conflicts happen both inside a process (same store) and across connections.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => IncrementAsync(stores[i % 2], "counter", perTask, Ct), Ct)));

        var final = await one.GetAsync("counter", Ct);
        Assert.Equal(4 * perTask, int.Parse(Bytes.Text(final!.Value), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(final.Version, (await two.GetAsync("counter", Ct))!.Version);
    }

    [Fact]
    public async Task A_write_through_one_store_makes_the_other_stores_cas_fail()
    {
        await using var one = await OpenAsync();
        await using var two = await SqliteKeyValueStore.OpenAsync(_dir.DatabasePath, Ct);
        var seen = (await one.PutAsync("k", Bytes.Of("1"), ExpectVersion.Absent, Ct)).Revision;

        var winner = await two.PutAsync("k", Bytes.Of("2"), ExpectVersion.Exactly(seen), Ct);
        var loser = await one.PutAsync("k", Bytes.Of("3"), ExpectVersion.Exactly(seen), Ct);

        Assert.True(winner.Succeeded);
        Assert.False(loser.Succeeded);
        Assert.Equal(winner.Revision, loser.Conflict!.CurrentVersion);
        Assert.True((await two.PutAsync("new", Bytes.Of("x"), ExpectVersion.Absent, Ct)).Succeeded);
        Assert.False((await one.PutAsync("new", Bytes.Of("y"), ExpectVersion.Absent, Ct)).Succeeded);
        Assert.Equal("2", Bytes.Text((await one.GetAsync("k", Ct))!.Value));
    }

    private static async Task<int> IncrementAsync(IKeyValueStore store, string key, int times, CancellationToken ct)
    {
        var conflicts = 0;
        for (var i = 0; i < times; i++)
        {
            while (true)
            {
                var current = await store.GetAsync(key, ct);
                var count = current is null ? 0 : int.Parse(Bytes.Text(current.Value), System.Globalization.CultureInfo.InvariantCulture);
                var expected = current is null ? ExpectVersion.Absent : ExpectVersion.Exactly(current.Version);
                var result = await store.PutAsync(key, Bytes.Of((count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), expected, ct);
                if (result.Succeeded)
                    break;
                conflicts++;
            }
        }
        return conflicts;
    }

    [Fact]
    public async Task Key_rules_are_enforced_and_name_the_key()
    {
        await using var store = await OpenAsync();
        var max = new string('k', StoreLimits.MaxKeyBytes);
        Assert.True((await store.PutAsync(max, Bytes.Of("ok"), ExpectVersion.Absent, Ct)).Succeeded);

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("", Bytes.Of("v"), ExpectVersion.Any, Ct));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(max + "x", Bytes.Of("v"), ExpectVersion.Any, Ct));
        Assert.Contains("513 bytes", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("kkkk", tooLong.Message, StringComparison.Ordinal);

        // 256 two-byte characters: 256 chars but 512 bytes is fine, one more is not.
        Assert.True((await store.PutAsync(new string('é', 256), Bytes.Of("ok"), ExpectVersion.Absent, Ct)).Succeeded);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(new string('é', 257), Bytes.Of("v"), ExpectVersion.Any, Ct));

        var nul = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("a\0b", Bytes.Of("v"), ExpectVersion.Any, Ct));
        Assert.Contains("NUL", nul.Message, StringComparison.Ordinal);
        Assert.Contains("a\\0b", nul.Message, StringComparison.Ordinal);

        var surrogate = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("bad\uD800", Bytes.Of("v"), ExpectVersion.Any, Ct));
        Assert.Contains("bad", surrogate.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync("a\0", Ct));
        Assert.Equal(2, (await store.ListAsync("", Ct)).Count);
    }

    [Fact]
    public async Task Value_limit_is_enforced_and_a_bad_operation_writes_nothing_of_its_transaction()
    {
        await using var store = await OpenAsync();
        var max = new byte[StoreLimits.MaxValueBytes];
        max[^1] = 7;
        Assert.True((await store.PutAsync("big", max, ExpectVersion.Absent, Ct)).Succeeded);
        Assert.Equal(StoreLimits.MaxValueBytes, (await store.GetAsync("big", Ct))!.Value.Length);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(
        [
            StoreOperation.Put("fine", Bytes.Of("v"), ExpectVersion.Absent),
            StoreOperation.Put("too-big", new byte[StoreLimits.MaxValueBytes + 1], ExpectVersion.Any),
        ], Ct));
        Assert.Contains("too-big", error.Message, StringComparison.Ordinal);
        Assert.Contains("1048577 bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(["big"], (await store.ListAsync("", Ct)).Select(e => e.Key));
    }

    [Fact]
    public async Task A_key_named_twice_in_one_transaction_is_refused()
    {
        await using var store = await OpenAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.CommitAsync(
        [
            StoreOperation.Put("k", Bytes.Of("1"), ExpectVersion.Any),
            StoreOperation.Delete("k", ExpectVersion.Any),
        ], Ct));
        Assert.Contains("'k'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListAsync("", Ct));
    }

    [Fact]
    public async Task A_cancelled_commit_writes_nothing()
    {
        await using var store = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.PutAsync("k", Bytes.Of("v"), ExpectVersion.Any, cancelled.Token));
        Assert.Null(await store.GetAsync("k", Ct));
    }

    [Fact]
    public async Task A_disposed_store_refuses_calls()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync("k", Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.PutAsync("k", Bytes.Of("v"), ExpectVersion.Any, Ct));
    }

    [Fact]
    public async Task Dispose_closes_every_handle_on_the_file()
    {
        if (!Directory.Exists("/proc/self/fd"))
            return;
        var store = await OpenAsync();
        await store.PutAsync("k", Bytes.Of("v"), ExpectVersion.Any, Ct);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.ListAsync("", Ct)));
        Assert.NotEmpty(OpenHandles());

        await store.DisposeAsync();

        Assert.Empty(OpenHandles());
    }

    private string[] OpenHandles() => Directory.GetFiles("/proc/self/fd")
        .Select(LinkTargetOrNull)
        .Where(target => target is not null && target.StartsWith(_dir.DatabasePath, StringComparison.Ordinal))
        .Select(target => target!)
        .ToArray();

    // Other tests open and close descriptors meanwhile; one that vanished is simply not ours.
    private static string? LinkTargetOrNull(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [Theory]
    [InlineData(new byte[] { }, null)]
    [InlineData(new byte[] { 0x61 }, new byte[] { 0x62 })]
    [InlineData(new byte[] { 0x61, 0xFF }, new byte[] { 0x62 })]
    [InlineData(new byte[] { 0xFF, 0xFF }, null)]
    public void Prefix_range_end_matches_etcd(byte[] prefix, byte[]? end) =>
        Assert.Equal(end, SqliteKeyValueStore.PrefixRangeEnd(prefix));
}
