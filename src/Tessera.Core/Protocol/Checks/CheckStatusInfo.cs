namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CheckStatusInfo</c>: the latest result of a <see cref="CheckInfo"/>.</summary>
public sealed record CheckStatusInfo
{
    /// <summary>The kind of check.</summary>
    public CheckType? Type { get; init; }

    /// <summary>COMMAND result.</summary>
    public CheckStatusCommand? Command { get; init; }

    /// <summary>HTTP result.</summary>
    public CheckStatusHttp? Http { get; init; }

    /// <summary>TCP result.</summary>
    public CheckStatusTcp? Tcp { get; init; }
}

/// <summary>Mesos <c>CheckStatusInfo.Command</c>.</summary>
public sealed record CheckStatusCommand
{
    /// <summary>The exit code; absent while unknown.</summary>
    public int? ExitCode { get; init; }
}

/// <summary>Mesos <c>CheckStatusInfo.Http</c>.</summary>
public sealed record CheckStatusHttp
{
    /// <summary>The HTTP status; absent while unknown.</summary>
    public uint? StatusCode { get; init; }
}

/// <summary>Mesos <c>CheckStatusInfo.Tcp</c>.</summary>
public sealed record CheckStatusTcp
{
    /// <summary>Whether the connect succeeded; absent while unknown.</summary>
    public bool? Succeeded { get; init; }
}
