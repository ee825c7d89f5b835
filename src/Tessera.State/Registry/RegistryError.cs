namespace Tessera.State.Registry;

/// <summary>A refused registry operation: a code to branch on and a message for people.</summary>
public sealed record RegistryError(RegistryErrorCode Code, string Message);
