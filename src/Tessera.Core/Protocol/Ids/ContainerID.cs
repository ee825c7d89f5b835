namespace Tessera.Core.Protocol;

/// <summary>The ID of a container; nested containers name their <see cref="Parent"/>.</summary>
public sealed record ContainerID
{
    /// <summary>The ID text.</summary>
    public required string Value { get; init; }

    /// <summary>The parent container of a nested container.</summary>
    public ContainerID? Parent { get; init; }

    /// <summary>Wraps <paramref name="value"/>.</summary>
    public static ContainerID Of(string value) => new() { Value = value };

    /// <inheritdoc />
    public override string ToString() => Parent is null ? Value : $"{Parent}.{Value}";
}
