using Tessera.Core.Protocol;
using Tessera.Core.Resources;
using Tessera.Master.Loop;
using Tessera.Master.State;

using WireResource = Tessera.Core.Protocol.Resource;
using ReservationType = Tessera.Core.Resources.ReservationType;
using DiskInfo = Tessera.Core.Resources.DiskInfo;

namespace Tessera.Master.Offers;

/// <summary>
/// RESERVE, UNRESERVE, CREATE and DESTROY within one ACCEPT. Each turns offered resources into the
/// same amounts with other metadata; the agent checkpoints its new total. An invalid operation is
/// dropped with a log line (frameworks learn from the next offer), as Mesos does without operation feedback.
/// </summary>
internal sealed class ResourceOperations(MasterRuntime rt, FrameworkRecord framework, AgentRecord agent, OfferedPool pool)
{
    public void Reserve(IReadOnlyList<WireResource> wire) => Convert("RESERVE", wire, to =>
    {
        foreach (var r in to)
        {
            if (!r.IsReserved || r.Reservations[^1].Type != ReservationType.Dynamic)
                return (null, $"{r.Name}: RESERVE needs a dynamic reservation on top");
            if (r.Reservations[^1].Role != r.AllocationRole)
                return (null, $"{r.Name}: can only reserve for the offer's role '{r.AllocationRole}'");
            if (framework.Info.Principal is { } p && r.Reservations[^1].Principal is { } rp && rp != p)
                return (null, $"{r.Name}: reservation principal '{rp}' is not the framework's '{p}'");
        }
        return (ResourceSet.Of(to.Select(r => r.PopReservation())), null);
    }, fromIsWire: false);

    public void Unreserve(IReadOnlyList<WireResource> wire) => Convert("UNRESERVE", wire, from =>
    {
        foreach (var r in from)
            if (!r.IsReserved || r.Reservations[^1].Type != ReservationType.Dynamic || r.Disk?.IsPersistentVolume == true)
                return (null, $"{r.Name}: only dynamically reserved resources that are not volumes can be unreserved");
        return (ResourceSet.Of(from.Select(r => r.PopReservation())), null);
    }, fromIsWire: true);

    public void Create(IReadOnlyList<WireResource> wire) => Convert("CREATE", wire, volumes =>
    {
        foreach (var v in volumes)
        {
            if (v.Disk is not { PersistenceId: { } id, ContainerPath: not null } disk)
                return (null, $"{v.Name}: CREATE needs 'disk.persistence.id' and 'disk.volume.container_path'");
            if (!v.IsReserved) return (null, $"volume {id}: persistent volumes need reserved disk");
            if (agent.Total.Any(r => r.Disk?.PersistenceId == id))
                return (null, $"volume {id} already exists on agent {agent.Id}");
            if (LaunchValidator.Id(id, "disk.persistence.id") is { } bad) return (null, bad);
        }
        return (ResourceSet.Of(volumes.Select(Strip)), null);
    }, fromIsWire: false);

    public void Destroy(IReadOnlyList<WireResource> wire) => Convert("DESTROY", wire, volumes =>
    {
        foreach (var v in volumes)
            if (v.Disk?.IsPersistentVolume != true) return (null, $"{v.Name}: DESTROY takes persistent volumes");
        return (ResourceSet.Of(volumes.Select(Strip)), null);
    }, fromIsWire: true);

    /// <summary>
    /// Runs one conversion. The wire side is either what the offer holds now (<paramref name="fromIsWire"/>)
    /// or what it should become; <paramref name="other"/> computes the opposite side or explains why not.
    /// </summary>
    private void Convert(string op, IReadOnlyList<WireResource> wire, Func<ResourceSet, (ResourceSet? Other, string? Error)> other, bool fromIsWire)
    {
        ResourceSet given;
        try
        {
            given = pool.Stamp(ResourceWireForm.FromWire(wire), out var stampError);
            if (stampError is not null) throw new ResourceParseException("", 0, op, stampError);
        }
        catch (ResourceParseException e)
        {
            rt.Tasks.LogDroppedOperation(framework, op, e.Message);
            return;
        }
        var (computed, error) = given.IsEmpty ? (null, "no resources given") : other(given);
        if (error is not null || computed is null)
        {
            rt.Tasks.LogDroppedOperation(framework, op, error ?? "invalid");
            return;
        }
        var (from, to) = fromIsWire ? (given, computed) : (computed, given);
        if (!pool.Contains(from))
        {
            rt.Tasks.LogDroppedOperation(framework, op, $"the offers don't hold {from.WithoutAllocation()}");
            return;
        }
        pool.Replace(from, to);
        foreach (var byRole in from.GroupBy(r => r.AllocationRole!))
        {
            var roleFrom = ResourceSet.Of(byRole).WithoutAllocation();
            var roleTo = ResourceSet.Of(to.Where(r => r.AllocationRole == byRole.Key)).WithoutAllocation();
            rt.Agents.ApplyConversion(agent, framework.Id, byRole.Key, roleFrom, roleTo);
        }
    }

    /// <summary>A volume without its persistence: the reserved disk it was made from.</summary>
    private static Core.Resources.Resource Strip(Core.Resources.Resource volume) =>
        volume.WithDisk(volume.Disk is { SourceType: not null } d ? new DiskInfo(SourceType: d.SourceType, SourceRoot: d.SourceRoot) : null);
}
