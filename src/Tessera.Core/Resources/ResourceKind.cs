namespace Tessera.Core.Resources;

/// <summary>The value type of a resource (Mesos' <c>Value.Type</c> minus TEXT, which resources never use).</summary>
public enum ResourceKind
{
    Scalar,
    Ranges,
    Set,
}
