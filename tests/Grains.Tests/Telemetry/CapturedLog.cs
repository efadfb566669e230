using Microsoft.Extensions.Logging;

namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>One log event as <see cref="CapturedLogs"/> kept it.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Template, IReadOnlyDictionary<string, object?> Values);
