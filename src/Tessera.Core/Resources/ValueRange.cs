namespace Tessera.Core.Resources;

/// <summary>An inclusive range of integers, such as ports <c>[31000-32000]</c>.</summary>
public readonly record struct ValueRange(ulong Begin, ulong End)
{
    public ulong Count => End - Begin + 1;

    public bool Contains(ulong value) => value >= Begin && value <= End;

    public override string ToString() => $"{Begin}-{End}";
}
