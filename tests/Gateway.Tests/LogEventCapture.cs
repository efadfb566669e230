using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>A Serilog sink that keeps every event it is given, for tests that assert on levels and sources.</summary>
public sealed class LogEventCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    /// <summary>The events so far, in the order they were written.</summary>
    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>The logger category (<c>SourceContext</c>) of <paramref name="logEvent"/>, if any.</summary>
    public static string? SourceOf(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source } ? source : null;

    /// <summary>A scalar property of <paramref name="logEvent"/> as text, if present.</summary>
    public static string? PropertyOf(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
