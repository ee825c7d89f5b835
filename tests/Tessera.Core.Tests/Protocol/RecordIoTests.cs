using System.Text;
using Tessera.Core.Protocol.RecordIo;

namespace Tessera.Core.Tests.Protocol;

public sealed class RecordIoTests
{
    private static readonly byte[][] Records =
    [
        Encoding.UTF8.GetBytes("""{"type":"SUBSCRIBED"}"""),
        Encoding.UTF8.GetBytes("""{"type":"HEARTBEAT"}"""),
        [],
        Encoding.UTF8.GetBytes(new string('x', 1234)),
        Encoding.UTF8.GetBytes("\n12\n"),
    ];

    private static byte[] Stream() => Records.SelectMany(r => RecordIoEncoder.Encode(r)).ToArray();

    [Fact]
    public void EncodesDecimalLengthNewlineAndBytes()
    {
        Assert.Equal("20\n{\"type\":\"HEARTBEAT\"}", Encoding.ASCII.GetString(RecordIoEncoder.Encode(Records[1])));
        Assert.Equal("0\n", Encoding.ASCII.GetString(RecordIoEncoder.Encode([])));
    }

    [Fact]
    public void WritesIntoABufferWriter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        RecordIoEncoder.Write(buffer, Records[0]);
        RecordIoEncoder.Write(buffer, Records[1]);

        Assert.Equal(RecordIoEncoder.Encode(Records[0]).Concat(RecordIoEncoder.Encode(Records[1])), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void DecodesWholeStream()
    {
        var decoder = new RecordIoDecoder();

        AssertRecords(decoder.Feed(Stream()));
        Assert.True(decoder.IsAtRecordBoundary);
    }

    [Fact]
    public void DecodesEverySingleSplitPoint()
    {
        var stream = Stream();
        for (var split = 0; split <= stream.Length; split++)
        {
            var decoder = new RecordIoDecoder();
            var decoded = decoder.Feed(stream.AsSpan(0, split)).Concat(decoder.Feed(stream.AsSpan(split))).ToList();
            AssertRecords(decoded);
            Assert.True(decoder.IsAtRecordBoundary);
        }
    }

    [Fact]
    public void DecodesEveryPairOfSplitPointsAroundPrefixes()
    {
        var stream = Stream()[..60];
        for (var a = 0; a <= stream.Length; a++)
        {
            for (var b = a; b <= stream.Length; b++)
            {
                var decoder = new RecordIoDecoder();
                var decoded = decoder.Feed(stream.AsSpan(0, a))
                    .Concat(decoder.Feed(stream.AsSpan(a, b - a)))
                    .Concat(decoder.Feed(stream.AsSpan(b)))
                    .ToList();
                Assert.Equal(Records[0], decoded[0]);
                Assert.Equal(Records[1], decoded[1]);
            }
        }
    }

    [Fact]
    public void DecodesRandomSplitsWithFixedSeed()
    {
        const int seed = 20240811;
        var random = new Random(seed);
        var stream = Enumerable.Repeat(Stream(), 5).SelectMany(s => s).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var decoder = new RecordIoDecoder();
            var decoded = new List<byte[]>();
            var offset = 0;
            while (offset < stream.Length)
            {
                var size = Math.Min(random.Next(0, 40), stream.Length - offset);
                decoded.AddRange(decoder.Feed(stream.AsSpan(offset, size)));
                offset += size;
            }

            Assert.True(decoded.Count == Records.Length * 5, $"seed {seed} round {round}: {decoded.Count} records");
            for (var i = 0; i < decoded.Count; i++)
            {
                Assert.Equal(Records[i % Records.Length], decoded[i]);
            }
        }
    }

    [Fact]
    public void BoundaryIsFalseInsidePrefixOrRecord()
    {
        var decoder = new RecordIoDecoder();

        decoder.Feed("2"u8);
        Assert.False(decoder.IsAtRecordBoundary);
        decoder.Feed("\na"u8);
        Assert.False(decoder.IsAtRecordBoundary);
        Assert.Equal("ab"u8.ToArray(), Assert.Single(decoder.Feed("b"u8)));
        Assert.True(decoder.IsAtRecordBoundary);
    }

    [Theory]
    [InlineData("\n", "empty record length prefix")]
    [InlineData("12a\n", "non-digit byte 0x61")]
    [InlineData("-1\n", "non-digit byte 0x2d")]
    [InlineData(" 1\n", "non-digit byte 0x20")]
    [InlineData("1\r\nx", "non-digit byte 0x0d")]
    [InlineData("123456789012345678901\n", "longer than 20 digits")]
    [InlineData("99999999999999999999\n", "exceeds the maximum")]
    [InlineData("67108865\n", "record length 67108865 exceeds the maximum of 67108864 bytes")]
    public void RejectsBadPrefixes(string input, string expected)
    {
        var decoder = new RecordIoDecoder();

        var ex = Assert.Throws<RecordIoException>(() => decoder.Feed(Encoding.ASCII.GetBytes(input)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Throws<RecordIoException>(() => decoder.Feed("1\na"u8));
    }

    [Fact]
    public void AcceptsRecordAtConfiguredMaximum()
    {
        var decoder = new RecordIoDecoder(maxRecordSize: 4);

        Assert.Equal("abcd"u8.ToArray(), Assert.Single(decoder.Feed("4\nabcd"u8)));
        Assert.Throws<RecordIoException>(() => decoder.Feed("5\n"u8));
    }

    [Fact]
    public void RejectsBadPrefixSplitAcrossFeeds()
    {
        var decoder = new RecordIoDecoder();
        decoder.Feed("1234567890"u8);
        decoder.Feed("1234567890"u8);

        Assert.Throws<RecordIoException>(() => decoder.Feed("1"u8));
    }

    private static void AssertRecords(IReadOnlyList<byte[]> decoded)
    {
        Assert.Equal(Records.Length, decoded.Count);
        for (var i = 0; i < Records.Length; i++)
        {
            Assert.Equal(Records[i], decoded[i]);
        }
    }
}
