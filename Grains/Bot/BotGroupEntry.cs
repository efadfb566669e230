namespace Orleans.Poker.Grains.Bot;

/// <summary>One group chat of a bot: its table and the relay (bot process) posting there until <see cref="LeaseUntil"/>.</summary>
[GenerateSerializer, Alias("poker.bot-group-entry.v1")]
public sealed class BotGroupEntry
{
    [Id(0)] public string TableId { get; set; } = "";

    /// <summary>The relay holding the group; null when released.</summary>
    [Id(1)] public string? Relay { get; set; }

    [Id(2)] public DateTimeOffset LeaseUntil { get; set; }
}
