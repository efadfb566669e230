using Orleans.Poker.Grains.Interfaces.Chat;

namespace Orleans.Poker.Grains.Chat;

/// <summary>The persisted state of the <see cref="ChatModerationGrain"/>.</summary>
[GenerateSerializer, Alias("poker.chat-moderation-state.v1")]
public sealed class ChatModerationState
{
    /// <summary>Players muted room-wide, most recent last.</summary>
    [Id(0)] public List<ChatMute> Mutes { get; set; } = [];

    /// <summary>The most recent reports, oldest first (bounded).</summary>
    [Id(1)] public List<ChatReport> Reports { get; set; } = [];

    [Id(2)] public long LastReportId { get; set; }
}
