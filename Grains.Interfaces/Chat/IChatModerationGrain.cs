namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>
/// The room's chat moderation (one grain, key <see cref="Key"/>): players muted in every table's chat and the messages
/// players reported, for the admins.
/// </summary>
[Alias("poker.chat-moderation")]
public interface IChatModerationGrain : IGrainWithIntegerKey
{
    /// <summary>The one moderation grain's key.</summary>
    const long Key = 0;

    /// <summary>The player's room-wide mute, or null.</summary>
    [Alias("GetMute")]
    Task<ChatMute?> GetMute(long playerId);

    /// <summary>Admin: mutes a player in every table's chat (muting again replaces the reason).</summary>
    [Alias("Mute")]
    Task<ChatMute> Mute(long playerId, long adminId, string reason);

    /// <summary>Admin: lifts a room-wide mute; <c>not_found</c> when the player is not muted.</summary>
    [Alias("Unmute")]
    Task Unmute(long playerId);

    /// <summary>The muted players, most recent first.</summary>
    [Alias("Mutes")]
    Task<IReadOnlyList<ChatMute>> Mutes();

    /// <summary>
    /// Records a player's report of a message (a copy of it is kept); <c>already_reported</c> (409) when the same
    /// player reported the same message before.
    /// </summary>
    [Alias("Report")]
    Task<ChatReport> Report(string tableId, ChatMessage message, long reporterId, string? reason);

    /// <summary>Reports, newest first.</summary>
    [Alias("Reports")]
    Task<IReadOnlyList<ChatReport>> Reports(int skip, int take);
}
