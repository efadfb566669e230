using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Bot;

/// <summary>
/// The group chats of one bot and the relay posting to each (see <see cref="IBotGroupsGrain"/>). Written when a
/// group comes or goes and when leases are renewed or handed over: a few writes per relay and resubscribe interval.
/// </summary>
public sealed class BotGroupsGrain(
    [PersistentState("bot-groups", PokerStorage.Name)] IPersistentState<BotGroupsState> store,
    TimeProvider time,
    ILogger<BotGroupsGrain> logger) : Grain, IBotGroupsGrain
{
    public static readonly TimeSpan MaxLease = TimeSpan.FromDays(1);

    private const int MaxRelayLength = 200;

    private const int MaxTableIdLength = 64;

    private Dictionary<long, BotGroupEntry> Groups => store.State.Groups;

    public async Task<bool> Add(long chatId, string tableId, string relay, TimeSpan lease)
    {
        if (chatId >= 0)
        {
            throw Invalid($"Chat {chatId} is no group chat (group chat ids are negative).");
        }

        if (string.IsNullOrWhiteSpace(tableId) || tableId.Length > MaxTableIdLength)
        {
            throw Invalid("A group needs a table id of at most 64 characters.");
        }

        CheckRelay(relay);
        CheckLease(lease);
        var now = time.GetUtcNow();
        var added = !Groups.TryGetValue(chatId, out var group);
        if (group is null)
        {
            group = new BotGroupEntry { TableId = tableId };
            Groups[chatId] = group;
        }

        var changed = added || group.TableId != tableId;
        group.TableId = tableId;
        var mine = Free(group, now) || group.Relay == relay;
        if (mine)
        {
            changed |= group.Relay != relay;
            group.Relay = relay;
            group.LeaseUntil = now + lease;
        }

        if (changed || mine)
        {
            await store.WriteOrDeactivate(this);
        }

        if (added)
        {
            logger.LogInformation("Bot {BotId} posts table {TableId} to group {ChatId}, through {Relay}", this.GetPrimaryKeyLong(), tableId, chatId, group.Relay);
        }

        return mine;
    }

    public async Task<bool> Remove(long chatId)
    {
        if (!Groups.Remove(chatId, out var group))
        {
            return false;
        }

        await store.WriteOrDeactivate(this);
        logger.LogInformation("Bot {BotId} no longer posts table {TableId} to group {ChatId}", this.GetPrimaryKeyLong(), group.TableId, chatId);
        return true;
    }

    public async Task<IReadOnlyList<BotGroup>> Claim(string relay, TimeSpan lease)
    {
        CheckRelay(relay);
        CheckLease(lease);
        var now = time.GetUtcNow();
        var held = new List<BotGroup>();
        var taken = 0;
        foreach (var (chatId, group) in Groups)
        {
            if (group.Relay != relay)
            {
                if (!Free(group, now))
                {
                    continue;
                }

                if (group.Relay is { } previous)
                {
                    logger.LogWarning("Relay {Previous} let its lease of group {ChatId} run out: {Relay} posts there now", previous, chatId, relay);
                }

                group.Relay = relay;
                taken++;
            }

            group.LeaseUntil = now + lease;
            held.Add(new BotGroup(chatId, group.TableId));
        }

        if (held.Count > 0)
        {
            await store.WriteOrDeactivate(this);
        }

        if (taken > 0)
        {
            logger.LogInformation("Relay {Relay} of bot {BotId} took over {Count} groups", relay, this.GetPrimaryKeyLong(), taken);
        }

        return held;
    }

    public async Task Release(string relay)
    {
        CheckRelay(relay);
        var released = 0;
        foreach (var group in Groups.Values.Where(g => g.Relay == relay))
        {
            group.Relay = null;
            released++;
        }

        if (released > 0)
        {
            await store.WriteOrDeactivate(this);
            logger.LogInformation("Relay {Relay} of bot {BotId} released {Count} groups", relay, this.GetPrimaryKeyLong(), released);
        }
    }

    public async Task<string?> Move(long fromChatId, long toChatId)
    {
        if (fromChatId >= 0 || toChatId >= 0 || fromChatId == toChatId)
        {
            throw Invalid($"A group moves from one group chat to another (negative ids); got {fromChatId} and {toChatId}.");
        }

        if (!Groups.Remove(fromChatId, out var group))
        {
            // Telegram tells both chats: the second message finds the move done.
            return store.State.MovedTables.GetValueOrDefault(toChatId);
        }

        Groups[toChatId] = group;
        store.State.MovedTables[toChatId] = group.TableId;
        store.State.Announcements.Remove(fromChatId);
        store.State.Announcements.Remove(toChatId);
        await store.WriteOrDeactivate(this);
        logger.LogInformation("Group {FromChatId} of bot {BotId} became supergroup {ToChatId}: table {TableId} is posted there", fromChatId, this.GetPrimaryKeyLong(), toChatId, group.TableId);
        return group.TableId;
    }

    public async Task Reopen(long chatId, string tableId)
    {
        if (chatId >= 0 || !TableIds.IsValid(tableId))
        {
            throw Invalid($"A group's new table needs a group chat (negative id) and a table id; got {chatId} and '{tableId}'.");
        }

        if (store.State.MovedTables.GetValueOrDefault(chatId) == tableId)
        {
            return;
        }

        store.State.MovedTables[chatId] = tableId;
        if (Groups.TryGetValue(chatId, out var group))
        {
            group.TableId = tableId;
        }

        await store.WriteOrDeactivate(this);
        logger.LogInformation("Group {ChatId} of bot {BotId} has a new table {TableId}", chatId, this.GetPrimaryKeyLong(), tableId);
    }

    public Task<string?> TableOf(long chatId) => Task.FromResult(store.State.MovedTables.GetValueOrDefault(chatId));

    public Task<int?> GetAnnouncement(long chatId) =>
        Task.FromResult(store.State.Announcements.TryGetValue(chatId, out var id) ? id : (int?)null);

    public async Task SetAnnouncement(long chatId, int messageId)
    {
        if (chatId >= 0 || messageId <= 0)
        {
            throw Invalid($"An announcement needs a group chat (negative id) and a message id; got {chatId} and {messageId}.");
        }

        if (store.State.Announcements.GetValueOrDefault(chatId) != messageId)
        {
            store.State.Announcements[chatId] = messageId;
            await store.WriteOrDeactivate(this);
        }
    }

    public Task<IReadOnlyList<BotGroup>> List() =>
        Task.FromResult<IReadOnlyList<BotGroup>>(Groups.OrderBy(g => g.Key).Select(g => new BotGroup(g.Key, g.Value.TableId)).ToList());

    private static bool Free(BotGroupEntry group, DateTimeOffset now) => group.Relay is null || group.LeaseUntil <= now;

    private static void CheckRelay(string relay)
    {
        if (string.IsNullOrWhiteSpace(relay) || relay.Length > MaxRelayLength)
        {
            throw Invalid("A relay needs a name of at most 200 characters.");
        }
    }

    private static void CheckLease(TimeSpan lease)
    {
        if (lease <= TimeSpan.Zero || lease > MaxLease)
        {
            throw Invalid("A lease must be positive and at most a day.");
        }
    }

    private static PokerException Invalid(string message) => new("invalid_group", message);
}
