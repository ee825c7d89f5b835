using Microsoft.Extensions.Logging;

namespace Tessera.Cli.Dev;

/// <summary>Appends log lines to one file (the dev cluster's log), thread-safe, one line per entry.</summary>
internal sealed class FileLoggerProvider(string path, TimeProvider clock) : ILoggerProvider
{
    private readonly StreamWriter _writer = CreateWriter(path);
    private readonly Lock _gate = new();

    private static StreamWriter CreateWriter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    private void Write(string category, LogLevel level, string message, Exception? error)
    {
        var line = $"{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss.fff} {level,-11} {category}: {message}{(error is null ? "" : " | " + error)}";
        lock (_gate) _writer.WriteLine(line);
    }

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Write(category, logLevel, formatter(state, exception), exception);
        }
    }
}
