using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>An in-memory logger provider: keeps what the hosts it is added to log, for tests that assert on levels.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    /// <summary>Every entry so far, in the order logged.</summary>
    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    /// <summary>How many entries there are (to look only at later ones: <c>Entries.Skip(count)</c>).</summary>
    public int Count => entries.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
        // Nothing to release: the entries stay readable after the host stopped.
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception));
    }
}
