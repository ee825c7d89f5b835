namespace Tessera.Core.Protocol.Operator;

/// <summary>
/// Mesos <c>agent.ProcessIO</c>: one record of a nested container session's stream
/// (<c>application/recordio</c>): output data, or a control message.
/// </summary>
public sealed record ProcessIO
{
    /// <summary>DATA or CONTROL.</summary>
    public ProcessIOType? Type { get; init; }

    /// <summary>For DATA.</summary>
    public ProcessIOData? Data { get; init; }

    /// <summary>For CONTROL (raw: TTY info and heartbeats, which Tessera doesn't send).</summary>
    public System.Text.Json.JsonElement? Control { get; init; }

    /// <summary>A DATA record of <paramref name="stream"/> carrying <paramref name="bytes"/>.</summary>
    public static ProcessIO Output(ProcessIODataType stream, ReadOnlySpan<byte> bytes) =>
        new() { Type = ProcessIOType.DATA, Data = new ProcessIOData { Type = stream, Data = ByteString.CopyFrom(bytes) } };
}
