namespace Tessera.State;

/// <summary>
/// The condition an operation puts on its key's current version: <see cref="Any"/>, <see cref="Absent"/>
/// or <see cref="Exactly"/> one version. <c>default</c> is <see cref="Absent"/>, the safe choice:
/// a forgotten condition fails instead of overwriting.
/// </summary>
public readonly record struct ExpectVersion
{
    // < 0: any; 0: absent; > 0: that exact version (versions start at 1).
    private readonly long _raw;

    private ExpectVersion(long raw) => _raw = raw;

    /// <summary>No condition: the operation applies whatever the key holds.</summary>
    public static ExpectVersion Any { get; } = new(-1);

    /// <summary>The key must not exist.</summary>
    public static ExpectVersion Absent { get; } = new(0);

    /// <summary>The key must exist with exactly this version.</summary>
    public static ExpectVersion Exactly(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return new ExpectVersion(version);
    }

    /// <summary>True for <see cref="Any"/>.</summary>
    public bool IsAny => _raw < 0;

    /// <summary>True for <see cref="Absent"/>.</summary>
    public bool IsAbsent => _raw == 0;

    /// <summary>The exact version required, or null for <see cref="Any"/> and <see cref="Absent"/>.</summary>
    public long? Version => _raw > 0 ? _raw : null;

    /// <summary>Whether a key whose current version is <paramref name="currentVersion"/> (null: absent) passes.</summary>
    public bool IsSatisfiedBy(long? currentVersion) => _raw switch
    {
        < 0 => true,
        0 => currentVersion is null,
        _ => currentVersion == _raw,
    };

    /// <inheritdoc />
    public override string ToString() => _raw switch
    {
        < 0 => "any",
        0 => "absent",
        _ => $"version {_raw}",
    };
}
