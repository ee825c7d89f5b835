namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CheckInfo.Http</c>.</summary>
public sealed record CheckHttp
{
    /// <summary>The port.</summary>
    public required uint Port { get; init; }

    /// <summary>The path.</summary>
    public string? Path { get; init; }
}
