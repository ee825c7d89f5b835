namespace Tessera.State.Registry;

/// <summary>Stored JSON of a weight entry. The role is in the value too, so keys never need parsing.</summary>
internal sealed record StoredWeight(string Role, double Weight);
