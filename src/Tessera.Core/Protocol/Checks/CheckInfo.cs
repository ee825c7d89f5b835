namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CheckInfo</c>: a non-binary check whose result is reported, not acted on.</summary>
public sealed record CheckInfo
{
    /// <summary>The kind of check.</summary>
    public CheckType? Type { get; init; }

    /// <summary>For COMMAND checks.</summary>
    public CheckCommand? Command { get; init; }

    /// <summary>For HTTP checks.</summary>
    public CheckHttp? Http { get; init; }

    /// <summary>For TCP checks.</summary>
    public TcpCheckInfo? Tcp { get; init; }

    /// <summary>Seconds before the first check.</summary>
    public double? DelaySeconds { get; init; }

    /// <summary>Seconds between checks.</summary>
    public double? IntervalSeconds { get; init; }

    /// <summary>Seconds before a check is abandoned.</summary>
    public double? TimeoutSeconds { get; init; }
}
