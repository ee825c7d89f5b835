using Microsoft.Extensions.Logging;

namespace Tessera.Jobs.Host;

internal static partial class JobsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "subscribed to {Master} as framework {FrameworkId}; reconciling {Count} task(s)")]
    public static partial void Subscribed(ILogger logger, Uri master, string frameworkId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "lost the master's event stream: {Reason}; subscribing again")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the master removed framework {FrameworkId}: {Message}; subscribing as a new framework")]
    public static partial void Removed(ILogger logger, string? frameworkId, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "task {TaskId}: {From} -> {To} ({Message})")]
    public static partial void Moved(ILogger logger, string taskId, string from, string to, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "task {TaskId} ended {Status}: {Decision}")]
    public static partial void Ended(ILogger logger, string taskId, string status, string decision);

    [LoggerMessage(Level = LogLevel.Debug, Message = "update for task {TaskId} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not send {Call} to the master: {Reason}")]
    public static partial void CallFailed(ILogger logger, string call, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "the scheduler loop failed on {Signal}")]
    public static partial void LoopFailed(ILogger logger, Exception error, string signal);

    [LoggerMessage(Level = LogLevel.Information, Message = "task {TaskId} reported {Health}")]
    public static partial void Health(ILogger logger, string taskId, string health);

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Job}: {Message}")]
    public static partial void JobChanged(ILogger logger, string job, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "forgot {Count} ended task(s) past the history policy")]
    public static partial void Pruned(ILogger logger, int count);
}
