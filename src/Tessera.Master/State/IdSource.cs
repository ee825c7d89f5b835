using System.Globalization;

namespace Tessera.Master.State;

/// <summary>
/// Makes the master's IDs the way Mesos does — a master id, then framework, agent and offer ids
/// numbered under it — from an injected random source, so tests can fix them.
/// </summary>
public sealed class IdSource
{
    private readonly Random _random;
    private long _frameworks;
    private long _agents;
    private long _offers;

    public IdSource(Random random)
    {
        _random = random;
        MasterId = NewUuid();
    }

    public string MasterId { get; }

    public string NextFrameworkId() => $"{MasterId}-{(_frameworks++).ToString("D4", CultureInfo.InvariantCulture)}";

    public string NextAgentId() => $"{MasterId}-S{_agents++}";

    public string NextOfferId() => $"{MasterId}-O{_offers++}";

    public string NextStreamId() => NewUuid();

    /// <summary>A random RFC 4122 version-4 UUID in text form.</summary>
    public string NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
