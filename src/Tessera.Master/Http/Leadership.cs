namespace Tessera.Master.Http;

/// <summary>
/// Whether this master leads, and where the leader is when it doesn't. With the embedded SQLite
/// registry there is one master and it always leads; an etcd election plugs in here later.
/// </summary>
public interface ILeadership
{
    bool IsLeader { get; }

    /// <summary>The leader's base address (<c>http://host:port</c>) when known and not us.</summary>
    Uri? Leader { get; }
}

public sealed class SoleLeader : ILeadership
{
    public static readonly SoleLeader Instance = new();
    public bool IsLeader => true;
    public Uri? Leader => null;
}
