namespace Tessera.Core.Resources;

/// <summary>
/// A resource value broke an invariant (negative, not finite, overlapping ranges, subtraction of
/// something not held). This is a programming error or bad input caught at a boundary, never an
/// expected outcome of allocation.
/// </summary>
public sealed class ResourceInvariantException(string message) : InvalidOperationException(message);
