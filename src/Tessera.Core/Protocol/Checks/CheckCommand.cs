namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>CheckInfo.Command</c>.</summary>
public sealed record CheckCommand
{
    /// <summary>The command to run.</summary>
    public required CommandInfo Command { get; init; }
}
