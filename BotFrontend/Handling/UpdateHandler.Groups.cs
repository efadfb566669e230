using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>Group chats: the group's table (<c>/startgroup</c>, or the bot being added) and the bot's membership.</summary>
internal sealed partial class UpdateHandler
{
    /// <summary>The id of a group chat's table.</summary>
    public static string GroupTableId(long chatId) => "g" + Math.Abs(chatId).ToString(CultureInfo.InvariantCulture);

    /// <summary>The table of a group chat: the one it kept from before it became a supergroup, else its own id's.</summary>
    private async Task<string> GroupTable(long chatId) =>
        await grains.GetGrain<IBotGroupsGrain>(identity.Id).TableOf(chatId) ?? GroupTableId(chatId);

    /// <summary>
    /// A group became a supergroup: Telegram gives it a new chat id and posts to the old one fail from now on. The
    /// group's table goes on in the supergroup; its next event posts a fresh table message there.
    /// </summary>
    private async Task OnMigration(long fromChatId, long toChatId)
    {
        if (await watches.MoveGroup(fromChatId, toChatId) is { } tableId)
        {
            logger.LogInformation("Group {FromChatId} became supergroup {ToChatId}: table {TableId} goes on there", fromChatId, toChatId, tableId);
        }
    }

    /// <summary>
    /// The table of a group chat: created on first use, and opened afresh once it has ended (closed by its host or an
    /// admin, or for idleness), relayed to the group (recorded, so a restart resumes it).
    /// </summary>
    private async Task StartGroup(Context context, CancellationToken ct)
    {
        if (context.PrivateChat)
        {
            await Reply(context, BotTexts.Get(context.Language, "group.only"));
            return;
        }

        var recorded = await GroupTable(context.ChatId);
        var (tableId, summary) = await OpenGroupTable(context, recorded);
        var fresh = tableId != recorded;
        if (fresh)
        {
            await grains.GetGrain<IBotGroupsGrain>(identity.Id).Reopen(context.ChatId, tableId);
        }

        await watches.AddGroup(tableId, context.ChatId);
        await Announce(context, summary, fresh);
    }

    /// <summary>
    /// The group's table that is not over: <paramref name="tableId"/> while it is open, else the next of the group's ids
    /// (<see cref="NextGroupTableId"/>) that is, created when missing. An id opened before its record was written is
    /// found again, not skipped.
    /// </summary>
    private async Task<(string TableId, TableSummary Summary)> OpenGroupTable(Context context, string tableId)
    {
        while (true)
        {
            var table = grains.GetGrain<ITableGrain>(tableId);
            try
            {
                var summary = await table.GetSummary();
                if (summary.Status != TableStatus.Ended)
                {
                    return (tableId, summary);
                }
            }
            catch (PokerException e) when (e.Code == "not_found")
            {
                var name = string.IsNullOrWhiteSpace(context.ChatTitle) ? "Group " + context.ChatId.ToString(CultureInfo.InvariantCulture) : context.ChatTitle.Trim();
                var created = await table.Create(new TableCreation(options.Bot.GroupTemplateId, context.PlayerId, Text.Clip(Text.Plain(name), 64)));
                logger.LogInformation("Table {TableId} created for group {ChatId} by {PlayerId}", tableId, context.ChatId, context.PlayerId);
                return (tableId, created);
            }

            var next = NextGroupTableId(context.ChatId, tableId);
            logger.LogInformation("Table {TableId} of group {ChatId} has ended: the group gets table {NextTableId}", tableId, context.ChatId, next);
            tableId = next;
        }
    }

    /// <summary>
    /// The id of the table a group opens after <paramref name="tableId"/> ended: the group's own id with the next
    /// number (g123 → g123-2 → g123-3), a legal table id (<see cref="TableIds"/>) short enough for every button.
    /// </summary>
    private static string NextGroupTableId(long chatId, string tableId)
    {
        var own = GroupTableId(chatId) + "-";
        var number = tableId.StartsWith(own, StringComparison.Ordinal)
            && int.TryParse(tableId.AsSpan(own.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var previous) ? previous + 1 : 2;
        return own + number.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One live announcement per group: the first <c>/startgroup</c> (or adding the bot) posts it, later ones edit it
    /// with the table as it is now instead of posting it again (or post it again if somebody deleted it). A
    /// <paramref name="fresh"/> table (the last one ended) is posted anew: the old message, far up the chat, named a table
    /// that is gone.
    /// </summary>
    private async Task Announce(Context context, TableSummary summary, bool fresh)
    {
        var chatId = context.ChatId;
        var registry = grains.GetGrain<IBotGroupsGrain>(identity.Id);
        var text = BotTexts.Get(context.Language, "group.created", summary.Name) + "\n" + TableText.Summary(summary, context.Language);
        var keyboard = Keyboards.Join(context.Language, summary);
        var recorded = fresh ? null : await registry.GetAnnouncement(chatId);
        var slot = new MessageSlot(chatId, recorded) { Repost = true };
        outbox.Show(slot, text, keyboard);
        _ = RecordAnnouncement(registry, slot, recorded);
    }

    /// <summary>Records the announcement's message once it went out, if it is a new one: posted first, or again because somebody deleted it.</summary>
    private async Task RecordAnnouncement(IBotGroupsGrain registry, MessageSlot slot, int? recorded)
    {
        try
        {
            if (await slot.Sent is { } messageId && messageId != recorded)
            {
                await registry.SetAnnouncement(slot.ChatId, messageId);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not record the announcement of group {ChatId}: the next /startgroup posts a new one", slot.ChatId);
        }
    }

    /// <summary>
    /// <c>my_chat_member</c>: added to a group, the bot opens the group's table (as <c>/startgroup</c>); removed, it
    /// stops posting there (seated players play on from their private chats). In a private chat, blocking and
    /// unblocking the bot marks the player unreachable or reachable.
    /// </summary>
    private async Task OnMembership(ChatMemberUpdated membership, CancellationToken ct)
    {
        var (joined, left) = (!membership.OldChatMember.IsInChat && membership.NewChatMember.IsInChat,
                              membership.OldChatMember.IsInChat && !membership.NewChatMember.IsInChat);
        if (!joined && !left)
        {
            return;
        }

        var chat = membership.Chat;
        // Unblocked, or added back to the group: messages flow to the chat again (a 403 had stopped them).
        var refused = joined && outbox.Reachable(chat.Id);
        if (chat.Type == ChatType.Private)
        {
            try
            {
                var player = grains.GetGrain<IPlayerGrain>(membership.From.Id);
                var summary = joined ? await player.Get() : null;
                await player.SetReachable(joined);
                if (summary is not null && (refused || summary.Profile.Unreachable))
                {
                    // Unblocked: the hands they missed come as they stand now (the /start that follows finds them reachable).
                    await WatchTables(membership.From.Id, summary, resumed: true);
                }
            }
            catch (PokerException e) when (e.Code == "not_found")
            {
                // Never registered: nothing to mark.
            }

            return;
        }

        if (chat.Type is not (ChatType.Group or ChatType.Supergroup))
        {
            return;
        }

        if (joined)
        {
            logger.LogInformation("Bot added to group {ChatId} by {UserId}", chat.Id, membership.From.Id);
            var context = await Begin(chat, membership.From);
            if (context.Banned)
            {
                // A banned player opens no table and hosts none; anybody else in the group may /startgroup.
                logger.LogInformation("Banned player {PlayerId} added the bot to group {ChatId}: no table opened", context.PlayerId, chat.Id);
                return;
            }

            try
            {
                await StartGroup(context, ct);
            }
            catch (PokerException e)
            {
                await Reply(context, Refusal(context, e));
            }

            return;
        }

        logger.LogInformation("Bot removed from group {ChatId}: no longer posting there", chat.Id);
        await watches.ForgetGroup(await GroupTable(chat.Id), chat.Id);
    }
}
