using Tessera.Http;

namespace Tessera.Http.Tests;

public sealed class BoundedBodyTests
{
    /// <summary>A stream that hands out at most <paramref name="chunk"/> bytes per read, like a socket.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    [Fact]
    public async Task ADeclaredLengthIsNotAllocatedAheadOfTheData()
    {
        var body = await BoundedBody.ReadAsync(new Trickle(new byte[10], 4), contentLength: 16 * 1024 * 1024, maxBytes: 16 * 1024 * 1024, CancellationToken.None);

        Assert.Equal(10, body!.Value.Count);
        Assert.True(body.Value.Array!.Length <= 16 * 1024, $"allocated {body.Value.Array!.Length} bytes for 10");
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedUnread()
    {
        var stream = new Trickle(new byte[100], 10);

        Assert.Null(await BoundedBody.ReadAsync(stream, contentLength: 101, maxBytes: 100, CancellationToken.None));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData(null, 100)]
    [InlineData(50L, 1000)]
    public async Task ABodyPastTheLimitOrItsDeclaredLengthIsRefused(long? declared, int max)
    {
        Assert.Null(await BoundedBody.ReadAsync(new Trickle(new byte[200_000], 7000), declared, max, CancellationToken.None));
    }

    [Fact]
    public async Task AChunkedBodyUnderTheLimitIsReadWhole()
    {
        var data = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        var body = await BoundedBody.ReadAsync(new Trickle(data, 3000), null, 1024 * 1024, CancellationToken.None);

        Assert.Equal(data, body!.Value.ToArray());
    }
}
