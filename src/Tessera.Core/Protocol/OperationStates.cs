using System.Collections.Frozen;

namespace Tessera.Core.Protocol;

/// <summary>Facts about <see cref="OperationState"/>, as Mesos' <c>protobuf::isTerminalState(OperationState)</c>.</summary>
public static class OperationStates
{
    /// <summary>The terminal states.</summary>
    public static IReadOnlySet<OperationState> Terminal { get; } = new[]
    {
        OperationState.OPERATION_FINISHED, OperationState.OPERATION_FAILED, OperationState.OPERATION_ERROR,
        OperationState.OPERATION_DROPPED, OperationState.OPERATION_GONE_BY_OPERATOR,
    }.ToFrozenSet();

    /// <summary>Whether <paramref name="state"/> is terminal.</summary>
    public static bool IsTerminal(OperationState state) => Terminal.Contains(state);
}
