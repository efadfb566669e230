namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// The room's current (or last) broadcast: a plain-text message from an admin to every player who started the bot.
/// <see cref="Cursor"/> is the last player id whose message was reported; the bot goes on after it.
/// <see cref="Skipped"/> counts chats that turned out unreachable (the player blocked the bot), <see cref="Failed"/>
/// messages Telegram refused otherwise.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.broadcast.v1")]
public sealed record Broadcast
{
    /// <summary>Distinguishes this broadcast from the ones before it (progress for another one is ignored).</summary>
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public string Text { get; init; } = "";

    /// <summary>The admin's player id.</summary>
    [Id(2)] public long StartedBy { get; init; }

    [Id(3)] public DateTimeOffset StartedAt { get; init; }

    [Id(4)] public DateTimeOffset UpdatedAt { get; init; }

    [Id(5)] public BroadcastStatus Status { get; init; }

    [Id(6)] public long? Cursor { get; init; }

    [Id(7)] public int Sent { get; init; }

    [Id(8)] public int Skipped { get; init; }

    [Id(9)] public int Failed { get; init; }

    /// <summary>The admin who paused, resumed or cancelled it last (null: nobody).</summary>
    [Id(10)] public long? ChangedBy { get; init; }

    /// <summary>Running or paused: no other broadcast may start.</summary>
    public bool Active => Status is BroadcastStatus.Running or BroadcastStatus.Paused;
}
