using Microsoft.Extensions.Logging;

namespace Tessera.Master.Registry;

internal static partial class RegistryLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "registry: {What} is not taken back (today's rules refuse it; set it again)")]
    public static partial void Skipped(ILogger logger, string what);
}
