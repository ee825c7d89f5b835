namespace Tessera.Core.Allocation;

/// <summary>How clients (roles, or frameworks within a role) are ordered: <c>--role_sorter</c>, <c>--framework_sorter</c>.</summary>
public enum SorterKind
{
    /// <summary>Weighted Dominant Resource Fairness: the lowest weighted dominant share goes first.</summary>
    Drf,

    /// <summary>A weighted random order, drawn anew for every agent.</summary>
    Random,
}
