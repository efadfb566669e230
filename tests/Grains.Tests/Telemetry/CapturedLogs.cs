using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>A logger provider keeping every event of a silo: level, category, template and its named values.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string ?? "";
            events.Enqueue(new CapturedLog(logLevel, category, template, values.Where(v => v.Key != "{OriginalFormat}").ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}
