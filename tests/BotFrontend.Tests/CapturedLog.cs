using Microsoft.Extensions.Logging;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>One entry a host logged: its category, level, rendered message and exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
