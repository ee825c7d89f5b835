namespace Tessera.Executor.Thermos;

/// <summary>
/// Aurora's HTTP lifecycle as the executor receives it (<c>lifecycle.http</c> in the task JSON), with
/// Aurora's defaults: on a kill, POST <see cref="GracefulEndpoint"/> on the <see cref="Port"/> named
/// port, give the task <see cref="GracefulWait"/> to end, POST <see cref="ShutdownEndpoint"/>, give it
/// <see cref="ShutdownWait"/>, then tear down with signals. Used only when the task has that port.
/// </summary>
public sealed record HttpLifecycleSpec
{
    /// <summary>The named port the endpoints are served on.</summary>
    public string Port { get; init; } = "health";

    public string GracefulEndpoint { get; init; } = "/quitquitquit";

    public string ShutdownEndpoint { get; init; } = "/abortabortabort";

    public TimeSpan GracefulWait { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ShutdownWait { get; init; } = TimeSpan.FromSeconds(5);
}
