namespace Tessera.Core.Protocol;

/// <summary>
/// Taking amounts out of an offer's wire resources for a task, keeping each piece's role,
/// reservations and allocation info: shared by the frameworks Tessera ships (<c>tessera run</c>,
/// the jobs scheduler). Only plain resources are used: no persistent volumes, mounted disks,
/// revocable or shared ones. Pure; works on the lists it is given.
/// </summary>
public static class OfferResources
{
    public static bool Usable(Resource r) => r.Revocable is null && r.Shared is null && r.Disk is null && r.ProviderId is null;

    /// <summary>Moves <paramref name="amount"/> of scalar <paramref name="name"/> from <paramref name="left"/> to <paramref name="taken"/>; false when the offer had less.</summary>
    public static bool TakeScalar(List<Resource> left, List<Resource> taken, string name, double amount)
    {
        var need = Round(amount);
        for (var i = 0; i < left.Count && need > 0; i++)
        {
            var r = left[i];
            if (r.Name != name || r.Type != ValueKind.SCALAR || r.Scalar is null || !Usable(r)) continue;
            var take = Math.Min(need, Round(r.Scalar.Value));
            if (take <= 0) continue;
            taken.Add(r with { Scalar = ValueScalar.Of(take) });
            var rest = Round(r.Scalar.Value - take);
            if (rest > 0) left[i] = r with { Scalar = ValueScalar.Of(rest) };
            else left.RemoveAt(i--);
            need = Round(need - take);
        }
        return need <= 0;
    }

    // Scalars are fixed-point with three decimals (as ScalarValue): compare and subtract at that precision.
    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.ToEven);
}
