using System.Collections.Immutable;
using Wire = Tessera.Core.Protocol;

namespace Tessera.Core.Resources;

/// <summary>
/// Converts between the Mesos wire <c>Resource</c> and our <see cref="Resource"/>. Reads both
/// reservation formats Mesos accepts: the "post-refinement" <c>reservations</c> stack, and the older
/// <c>role</c> + <c>reservation</c> pair. Writes the stack for frameworks with RESERVATION_REFINEMENT
/// and the older pair (with <c>"role":"*"</c> for unreserved, as Mesos) for the others.
/// Errors name the resource's index and the field, and leave nothing half-converted.
/// </summary>
public static class ResourceWireForm
{
    public static ResourceSet FromWire(IReadOnlyList<Wire.Resource> resources, string input = "")
    {
        var list = new List<Resource>(resources.Count);
        for (var i = 0; i < resources.Count; i++)
            list.Add(FromWire(resources[i], i, input));
        try
        {
            return ResourceSet.Of(list);
        }
        catch (ResourceInvariantException e)
        {
            throw ResourceParseException.AtPath(input, 0, "$", e.Message);
        }
    }

    public static Resource FromWire(Wire.Resource w, int index = 0, string input = "")
    {
        ResourceParseException Error(string field, string reason) => ResourceParseException.AtPath(input, index, $"$[{index}]{field}", reason);

        try
        {
            var resource = w.Type switch
            {
                Wire.ValueKind.SCALAR => Resource.OfScalar(w.Name, Scalar(w, Error)),
                Wire.ValueKind.RANGES => Resource.OfRanges(w.Name, RangeSet.Of((w.Ranges?.Range ?? throw Error(".ranges", "RANGES resource needs 'ranges'")).Select(r => new ValueRange(r.Begin, r.End)))),
                Wire.ValueKind.SET => Resource.OfSet(w.Name, ItemSet.Of(w.Set?.Item ?? throw Error(".set", "SET resource needs 'set'"))),
                _ => throw Error(".type", $"resources must be SCALAR, RANGES or SET, not {w.Type}"),
            };
            resource = resource.WithReservations(Reservations(w, Error));
            if (w.AllocationInfo?.Role is { } allocated) resource = resource.WithAllocation(allocated);
            if (w.Disk is { } disk) resource = resource.WithDisk(Disk(disk));
            if (w.Revocable is not null) resource = resource.AsRevocable();
            if (w.Shared is not null) resource = resource.AsShared();
            return resource;
        }
        catch (ResourceInvariantException e)
        {
            throw Error("", e.Message);
        }
    }

    public static Wire.Resource ToWire(Resource r, bool reservationRefinement = true)
    {
        var wire = new Wire.Resource
        {
            Name = r.Name,
            Type = r.Kind switch
            {
                ResourceKind.Scalar => Wire.ValueKind.SCALAR,
                ResourceKind.Ranges => Wire.ValueKind.RANGES,
                _ => Wire.ValueKind.SET,
            },
            Scalar = r.Kind == ResourceKind.Scalar ? Wire.ValueScalar.Of(r.Scalar.Value) : null,
            Ranges = r.Kind == ResourceKind.Ranges ? new Wire.ValueRanges { Range = [.. r.Ranges.Ranges.Select(x => Wire.ValueRange.Of(x.Begin, x.End))] } : null,
            Set = r.Kind == ResourceKind.Set ? new Wire.ValueSet { Item = [.. r.Set.Items] } : null,
            AllocationInfo = r.AllocationRole is { } role ? Wire.AllocationInfo.Of(role) : null,
            Disk = r.Disk is { } disk ? DiskToWire(disk) : null,
            Revocable = r.Revocable ? new Wire.RevocableInfo() : null,
            Shared = r.Shared ? new Wire.SharedInfo() : null,
        };
        if (reservationRefinement)
            return r.IsReserved ? wire with { Reservations = [.. r.Reservations.Select(ReservationToWire)] } : wire;
        // The older format can express one level only; refined reservations are never sent to
        // frameworks without the capability (the allocator filters them out).
        var top = r.IsReserved ? r.Reservations[^1] : null;
        return wire with
        {
            Role = r.ReservationRole,
            Reservation = top is { Type: ReservationType.Dynamic } ? new Wire.ReservationInfo { Principal = top.Principal, Labels = LabelsToWire(top.Labels) } : null,
        };
    }

    public static IReadOnlyList<Wire.Resource> ToWire(ResourceSet set, bool reservationRefinement = true) =>
        [.. set.Items.Select(r => ToWire(r, reservationRefinement))];

    private static double Scalar(Wire.Resource w, Func<string, string, ResourceParseException> error)
    {
        var value = w.Scalar?.Value ?? throw error(".scalar", "SCALAR resource needs 'scalar'");
        return ScalarValue.Problem(value) is { } problem ? throw error(".scalar.value", problem) : value;
    }

    private static ImmutableArray<Reservation> Reservations(Wire.Resource w, Func<string, string, ResourceParseException> error)
    {
        if (w.Reservations is { Count: > 0 } stack)
        {
            if (w.Reservation is not null) throw error(".reservation", "set either 'reservation' or 'reservations', not both");
            if (w.Role is { } legacy && legacy != RoleName.Default && legacy != stack[^1].Role)
                throw error(".role", $"role '{legacy}' disagrees with the reservation stack's '{stack[^1].Role}'");
            return [.. stack.Select((x, i) => new Reservation(
                x.Type switch
                {
                    Wire.ReservationType.STATIC => ReservationType.Static,
                    Wire.ReservationType.DYNAMIC => ReservationType.Dynamic,
                    _ => throw error($".reservations[{i}].type", "must be STATIC or DYNAMIC"),
                },
                x.Role ?? throw error($".reservations[{i}].role", "is required"),
                x.Principal,
                LabelsFromWire(x.Labels)))];
        }
        var role = w.Role ?? RoleName.Default;
        if (role == RoleName.Default)
            return w.Reservation is null ? [] : throw error(".reservation", "an unreserved resource (role '*') can't have a reservation");
        return w.Reservation is { } dynamic
            ? [new Reservation(ReservationType.Dynamic, role, dynamic.Principal, LabelsFromWire(dynamic.Labels))]
            : [Reservation.Static(role)];
    }

    private static DiskInfo Disk(Wire.DiskInfo d) => new(
        d.Persistence?.Id,
        d.Persistence?.Principal,
        d.Volume?.ContainerPath,
        d.Volume?.Mode == Wire.VolumeMode.RO ? VolumeMode.ReadOnly : VolumeMode.ReadWrite,
        d.Source?.Type switch
        {
            Wire.DiskSourceType.PATH => DiskSourceType.Path,
            Wire.DiskSourceType.MOUNT => DiskSourceType.Mount,
            Wire.DiskSourceType.BLOCK => DiskSourceType.Block,
            Wire.DiskSourceType.RAW => DiskSourceType.Raw,
            _ => null,
        },
        d.Source?.Path?.Root ?? d.Source?.Mount?.Root);

    private static Wire.DiskInfo DiskToWire(DiskInfo d)
    {
        var root = d.SourceRoot is null ? null : new Wire.DiskSourceRoot { Root = d.SourceRoot };
        return new Wire.DiskInfo
        {
            Persistence = d.PersistenceId is { } id ? new Wire.DiskPersistence { Id = id, Principal = d.PersistencePrincipal } : null,
            Volume = d.ContainerPath is { } path
                ? new Wire.Volume { ContainerPath = path, Mode = d.Mode == VolumeMode.ReadOnly ? Wire.VolumeMode.RO : Wire.VolumeMode.RW }
                : null,
            Source = d.SourceType is { } type
                ? new Wire.DiskSource
                {
                    Type = type switch
                    {
                        DiskSourceType.Path => Wire.DiskSourceType.PATH,
                        DiskSourceType.Mount => Wire.DiskSourceType.MOUNT,
                        DiskSourceType.Block => Wire.DiskSourceType.BLOCK,
                        _ => Wire.DiskSourceType.RAW,
                    },
                    Path = type == DiskSourceType.Path ? root : null,
                    Mount = type == DiskSourceType.Mount ? root : null,
                }
                : null,
        };
    }

    private static Wire.ReservationInfo ReservationToWire(Reservation r) => new()
    {
        Type = r.Type == ReservationType.Static ? Wire.ReservationType.STATIC : Wire.ReservationType.DYNAMIC,
        Role = r.Role,
        Principal = r.Principal,
        Labels = LabelsToWire(r.Labels),
    };

    private static ImmutableArray<ResourceLabel> LabelsFromWire(Wire.Labels? labels) =>
        labels?.Values is { } list ? [.. list.Select(l => new ResourceLabel(l.Key, l.Value))] : [];

    private static Wire.Labels? LabelsToWire(ImmutableArray<ResourceLabel> labels) =>
        labels.IsEmpty ? null : new Wire.Labels { Values = [.. labels.Select(l => new Wire.Label { Key = l.Key, Value = l.Value })] };
}
