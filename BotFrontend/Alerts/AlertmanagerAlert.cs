using System.Text.Json.Serialization;

namespace Orleans.Poker.BotFrontend.Alerts;

/// <summary>One alert of an <see cref="AlertmanagerNotification"/>: its labels (alertname, severity, ...) and annotations.</summary>
internal sealed record AlertmanagerAlert(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string>? Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string>? Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset? StartsAt);
