namespace Tessera.Core.Protocol.Operator;

/// <summary>Mesos <c>agent.ProcessIO.Data</c>.</summary>
public sealed record ProcessIOData
{
    /// <summary>STDIN, STDOUT or STDERR.</summary>
    public ProcessIODataType? Type { get; init; }

    /// <summary>The bytes (base64 on the wire).</summary>
    public ByteString? Data { get; init; }
}
