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

    /// <summary>The table of a group chat: created on first use, relayed to the group (recorded, so a restart resumes it).</summary>
    private async Task StartGroup(Context context, CancellationToken ct)
    {
        if (context.PrivateChat)
        {
            await Reply(context, BotTexts.Get(context.Language, "group.only"));
            return;
        }

        var tableId = await GroupTable(context.ChatId);
        var table = grains.GetGrain<ITableGrain>(tableId);
        TableSummary summary;
        try
        {
            summary = await table.GetSummary();
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            var name = string.IsNullOrWhiteSpace(context.ChatTitle) ? "Group " + context.ChatId.ToString(CultureInfo.InvariantCulture) : context.ChatTitle.Trim();
            summary = await table.Create(new TableCreation(options.Bot.GroupTemplateId, context.PlayerId, Text.Clip(Text.Plain(name), 64)));
            logger.LogInformation("Table {TableId} created for group {ChatId} by {PlayerId}", tableId, context.ChatId, context.PlayerId);
        }

        await watches.AddGroup(tableId, context.ChatId);
        await Announce(context, summary);
    }

    /// <summary>
    /// One live announcement per group: the first <c>/startgroup</c> (or adding the bot) posts it, later ones edit it
    /// with the table as it is now instead of posting it again.
    /// </summary>
    private async Task Announce(Context context, TableSummary summary)
    {
        var chatId = context.ChatId;
        var registry = grains.GetGrain<IBotGroupsGrain>(identity.Id);
        var text = BotTexts.Get(context.Language, "group.created", summary.Name) + "\n" + TableText.Summary(summary, context.Language);
        var keyboard = Keyboards.Join(context.Language, summary);
        if (await registry.GetAnnouncement(chatId) is { } messageId)
        {
            outbox.Show(new MessageSlot(chatId, messageId), text, keyboard);
            return;
        }

        var slot = outbox.Send(chatId, text, keyboard);
        _ = RecordAnnouncement(registry, slot);
    }

    private async Task RecordAnnouncement(IBotGroupsGrain registry, MessageSlot slot)
    {
        try
        {
            if (await slot.Sent is { } messageId)
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
        if (joined)
        {
            // Unblocked, or added back to the group: messages flow to the chat again (a 403 had stopped them).
            outbox.Reachable(chat.Id);
        }

        if (chat.Type == ChatType.Private)
        {
            try
            {
                await grains.GetGrain<IPlayerGrain>(membership.From.Id).SetReachable(joined);
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
