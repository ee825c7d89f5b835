namespace Tessera.State.Registry;

/// <summary>
/// The outcome of a registry operation. Refusals such as "agent was marked gone" are expected
/// outcomes, so they are data; only bad input throws.
/// </summary>
public sealed record RegistryResult
{
    private RegistryResult(RegistryError? error) => Error = error;

    /// <summary>The operation was applied (or was already in effect).</summary>
    public static RegistryResult Ok { get; } = new((RegistryError?)null);

    /// <summary>Why the operation was refused; null when <see cref="IsOk"/>.</summary>
    public RegistryError? Error { get; }

    /// <summary>True when the operation was applied or was already in effect.</summary>
    public bool IsOk => Error is null;

    /// <summary>A refusal.</summary>
    public static RegistryResult Failed(RegistryErrorCode code, string message) =>
        new(new RegistryError(code, message));

    /// <inheritdoc />
    public override string ToString() => Error is null ? "ok" : $"{Error.Code}: {Error.Message}";
}
