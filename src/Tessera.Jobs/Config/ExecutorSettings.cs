namespace Tessera.Jobs.Config;

/// <summary>Aurora's <c>executor_config</c>: name (AuroraExecutor) and opaque data ('').</summary>
public sealed record ExecutorSettings(string Name = "AuroraExecutor", string Data = "")
{
    public static readonly ExecutorSettings Default = new();
}
