namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// The group chats a bot posts tables to, kept across restarts of the bot (keyed by the bot's id, the digits before
/// its token's colon), and which bot process posts to each. A process holds a group for a lease it renews with
/// <see cref="Claim"/>; a restarted process claims the groups again, and when a process stops
/// (<see cref="Release"/>) or its lease runs out (a crash) another one takes them over, so every group gets one
/// process's posts.
/// </summary>
[Alias("poker.bot-groups")]
public interface IBotGroupsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records that the bot posts table <paramref name="tableId"/> to group <paramref name="chatId"/> (a negative
    /// Telegram chat id). <paramref name="relay"/> holds the group for <paramref name="lease"/> (at most a day) unless
    /// another relay's lease is running; true when <paramref name="relay"/> holds it now. Throws <c>invalid_group</c>
    /// for bad input, changing nothing.
    /// </summary>
    [Alias("Add")]
    Task<bool> Add(long chatId, string tableId, string relay, TimeSpan lease);

    /// <summary>Forgets the group (the bot left it, or its table ended); true when it was recorded.</summary>
    [Alias("Remove")]
    Task<bool> Remove(long chatId);

    /// <summary>
    /// Renews the leases of <paramref name="relay"/>, gives it every group no relay holds (released, or the lease ran
    /// out) and answers all the groups it holds now.
    /// </summary>
    [Alias("Claim")]
    Task<IReadOnlyList<BotGroup>> Claim(string relay, TimeSpan lease);

    /// <summary>Gives up the groups of <paramref name="relay"/> (it stops), so that another relay's next claim takes them.</summary>
    [Alias("Release")]
    Task Release(string relay);

    /// <summary>The id of the message announcing the group's table (null before the first one went out).</summary>
    [Alias("GetAnnouncement")]
    Task<int?> GetAnnouncement(long chatId);

    /// <summary>Records the message announcing the group's table: later <c>/startgroup</c>s and re-adds edit it.</summary>
    [Alias("SetAnnouncement")]
    Task SetAnnouncement(long chatId, int messageId);

    /// <summary>
    /// Group <paramref name="fromChatId"/> became supergroup <paramref name="toChatId"/> (Telegram gives it a new
    /// chat id): its table, relay and lease move to the new id, which keeps that table from now on (also after the
    /// bot leaves and comes back). The old announcement is forgotten (message ids do not carry over). Answers the
    /// table id, or null when the group had no table recorded; repeating it changes nothing. Throws
    /// <c>invalid_group</c> for ids that are no two different group chats.
    /// </summary>
    [Alias("Move")]
    Task<string?> Move(long fromChatId, long toChatId);

    /// <summary>
    /// The table of group <paramref name="chatId"/> ended and the bot opened <paramref name="tableId"/> for it: that is
    /// the group's table from now on (<see cref="TableOf"/> answers it, also after the bot leaves and comes back; a
    /// <see cref="Move"/> of the recorded group carries it). Repeating it changes nothing. Throws <c>invalid_group</c>
    /// for a chat that is no group chat or an id that is no table id, changing nothing.
    /// </summary>
    [Alias("Reopen")]
    Task Reopen(long chatId, string tableId);

    /// <summary>
    /// The table a group kept from before it became a supergroup (see <see cref="Move"/>) or opened after its first
    /// one ended (see <see cref="Reopen"/>); null otherwise.
    /// </summary>
    [Alias("TableOf")]
    Task<string?> TableOf(long chatId);

    /// <summary>Every recorded group with its table.</summary>
    [Alias("List")]
    Task<IReadOnlyList<BotGroup>> List();
}
