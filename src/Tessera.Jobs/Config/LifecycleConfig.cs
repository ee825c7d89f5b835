namespace Tessera.Jobs.Config;

/// <summary>A job's lifecycle; by default the HTTP lifecycle with its defaults.</summary>
public sealed record LifecycleConfig(HttpLifecycleConfig? Http)
{
    public static readonly LifecycleConfig Default = new(HttpLifecycleConfig.Default);
}
