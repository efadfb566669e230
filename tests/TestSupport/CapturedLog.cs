using Microsoft.Extensions.Logging;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// One entry a host logged: its category, level, rendered message and exception, and the message template with its
/// named values (empty when the state was not a structured message).
/// </summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception, string Template, IReadOnlyDictionary<string, object?> Values);
