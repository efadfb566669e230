using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Chat;

/// <summary>
/// The room's chat moderation: room-wide mutes and reported messages, persisted on every change (a change whose write
/// failed drops the activation, so a retry meets what was stored).
/// </summary>
public sealed class ChatModerationGrain(
    [PersistentState("chat-moderation", PokerStorage.Name)] IPersistentState<ChatModerationState> store,
    TimeProvider time,
    ILogger<ChatModerationGrain> logger) : Grain, IChatModerationGrain
{
    /// <summary>Reports kept (the oldest are dropped past this).</summary>
    public const int ReportsKept = 1000;

    private ChatModerationState State => store.State;

    public Task<ChatMute?> GetMute(long playerId) => Task.FromResult(State.Mutes.Find(m => m.PlayerId == playerId));

    public async Task<ChatMute> Mute(long playerId, long adminId, string reason)
    {
        var mute = new ChatMute(playerId, adminId, reason, time.GetUtcNow());
        State.Mutes.RemoveAll(m => m.PlayerId == playerId);
        State.Mutes.Add(mute);
        await store.WriteOrDeactivate(this);
        logger.LogInformation("Player {PlayerId} muted in chat by admin {AdminId}", playerId, adminId);
        return mute;
    }

    public async Task Unmute(long playerId)
    {
        if (State.Mutes.RemoveAll(m => m.PlayerId == playerId) == 0)
        {
            throw PokerException.NotFound($"A chat mute of player {playerId}");
        }

        await store.WriteOrDeactivate(this);
        logger.LogInformation("Player {PlayerId} unmuted in chat", playerId);
    }

    public Task<IReadOnlyList<ChatMute>> Mutes() => Task.FromResult<IReadOnlyList<ChatMute>>(Enumerable.Reverse(State.Mutes).ToList());

    public async Task<ChatReport> Report(string tableId, ChatMessage message, long reporterId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (State.Reports.Exists(r => r.TableId == tableId && r.Message.Id == message.Id && r.ReporterId == reporterId))
        {
            throw PokerException.Conflict("already_reported", $"You already reported message {message.Id}");
        }

        var report = new ChatReport(State.LastReportId + 1, tableId, message, reporterId, reason, time.GetUtcNow());
        State.Reports.Add(report);
        if (State.Reports.Count > ReportsKept)
        {
            State.Reports.RemoveRange(0, State.Reports.Count - ReportsKept);
        }

        State.LastReportId = report.Id;
        await store.WriteOrDeactivate(this);
        logger.LogInformation("Player {ReporterId} reported chat message {MessageId} of player {PlayerId} at table {TableId}", reporterId, message.Id, message.PlayerId, tableId);
        return report;
    }

    public Task<IReadOnlyList<ChatReport>> Reports(int skip, int take) =>
        Task.FromResult<IReadOnlyList<ChatReport>>(Enumerable.Reverse(State.Reports).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100)).ToList());
}
