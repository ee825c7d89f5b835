namespace Tessera.Jobs.Config;

/// <summary>
/// The HTTP lifecycle: on the <c>port</c> (health), POST the graceful endpoint (/quitquitquit),
/// wait, POST the shutdown endpoint (/abortabortabort), wait; both waits 5 s.
/// </summary>
public sealed record HttpLifecycleConfig(
    string Port = "health",
    string GracefulShutdownEndpoint = "/quitquitquit",
    string ShutdownEndpoint = "/abortabortabort",
    int GracefulShutdownWaitSecs = 5,
    int ShutdownWaitSecs = 5)
{
    public static readonly HttpLifecycleConfig Default = new();
}
