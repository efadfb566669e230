using System.Text.Json.Serialization;

namespace Orleans.Poker.BotFrontend.Alerts;

/// <summary>The body Alertmanager's webhook receiver posts (version 4): one group of alerts, firing or resolved.</summary>
internal sealed record AlertmanagerNotification(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertmanagerAlert>? Alerts);
