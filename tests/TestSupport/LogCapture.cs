using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Poker.TestSupport;

/// <summary>An in-memory logger provider: keeps what the hosts (or silos) it is added to log, for tests that assert on levels, templates and values.</summary>
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

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? "";
            entries.Enqueue(new CapturedLog(
                category, logLevel, formatter(state, exception), exception, template, values.Where(v => v.Key != "{OriginalFormat}").ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}
