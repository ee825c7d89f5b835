namespace Tessera.Core.Protocol;

/// <summary>Mesos <c>maintenance.ClusterStatus.DrainingMachine</c>.</summary>
public sealed record DrainingMachine
{
    /// <summary>The machine.</summary>
    public required MachineID Id { get; init; }

    /// <summary>Framework answers to inverse offers.</summary>
    public IReadOnlyList<InverseOfferStatus>? Statuses { get; init; }
}
