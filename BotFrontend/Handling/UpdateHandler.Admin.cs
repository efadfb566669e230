using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Telegram.Bot;
using Telegram.Bot.Types;
using TableVerb = Orleans.Poker.BotFrontend.Rendering.CallbackData.TableVerb;

namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>
/// <c>/admin</c> for the Telegram ids in <c>POKER__Bot__AdminTelegramIds</c>: the room's figures and tables, and
/// buttons to manage a table (pause, resume, close, kick) and the room's maintenance switch; <c>/admin find</c>,
/// <c>player</c>, <c>ban</c> and <c>unban</c> for players; <c>/admin broadcast</c> for a message to every player who
/// started the bot (a draft with a send button, then its progress, pause, resume and cancel). Every change is written
/// to the audit log; anyone else is refused and nothing changes.
/// </summary>
internal sealed partial class UpdateHandler
{
    /// <summary>Tables listed in one admin message (Telegram caps a message's length and buttons).</summary>
    private const int AdminTablesShown = 30;

    private bool IsAdmin(Context context) => admins.Contains(context.PlayerId);

    private async Task Admin(Context context, string argument, CancellationToken ct)
    {
        if (!IsAdmin(context))
        {
            await Reply(context, BotTexts.Get(context.Language, "admin.denied"));
            return;
        }

        if (BroadcastArgument(argument) is { } broadcast)
        {
            await BroadcastCommand(context, broadcast);
            return;
        }

        var parts = argument.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var id = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number != 0 ? number : (long?)null;
        var reason = parts.Length == 3 ? PlayerBan.CheckReason(parts[2]) : null;
        switch (parts.FirstOrDefault()?.ToLowerInvariant())
        {
            case null:
                await Insights(context, ct);
                return;
            case "find" when parts.Length > 1:
                await FindPlayers(context, argument[parts[0].Length..].Trim());
                return;
            case "player" when id is { } shown && parts.Length == 2:
                await ShowPlayer(context, shown);
                return;
            // The reason is checked before the audit entry, as the gateway checks it: a bad one changes nothing, not even the log.
            case "ban" or "unban" when id is not null && parts.Length == 3 && reason is null:
                await Reply(context, BotTexts.Error(context.Language, "invalid_reason"));
                return;
            case "ban" when id is { } banned && reason is not null:
                await Ban(context, banned, reason);
                return;
            case "unban" when id is { } lifted && reason is not null:
                await grains.GetGrain<IPlayerGrain>(lifted).Get();
                await Audited(context, "player.unban", lifted.ToString(CultureInfo.InvariantCulture), reason,
                    () => grains.GetGrain<IPlayerGrain>(lifted).Unban(context.PlayerId, reason));
                await Reply(context, BotTexts.Get(context.Language, "admin.unbanned", lifted));
                return;
            default:
                await Reply(context, BotTexts.Get(context.Language, "admin.usage"));
                return;
        }
    }

    /// <summary>What follows <c>broadcast</c> (any case, then a space or line break, or nothing); null for another command.</summary>
    private static string? BroadcastArgument(string argument)
    {
        const string Word = "broadcast";
        var trimmed = argument.TrimStart();
        return trimmed.StartsWith(Word, StringComparison.OrdinalIgnoreCase) && (trimmed.Length == Word.Length || char.IsWhiteSpace(trimmed[Word.Length]))
            ? trimmed[Word.Length..].Trim()
            : null;
    }

    /// <summary>
    /// <c>/admin broadcast</c> shows the progress; <c>pause</c>, <c>resume</c> and <c>cancel</c> change it (audited);
    /// anything else is a text to send: the bot shows it as a draft with a send button (<see cref="SendBroadcast"/>).
    /// </summary>
    private async Task BroadcastCommand(Context context, string argument)
    {
        var language = context.Language;
        var grain = grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key);
        var current = await grain.Get();
        Func<Task<Broadcast>> change;
        switch (argument.ToLowerInvariant())
        {
            case "":
                await Reply(context, current is not null ? BroadcastStatusText(language, current) : BotTexts.Get(language, "admin.broadcast.never"));
                return;
            case "pause" or "resume":
                change = () => grain.SetPaused(argument.Equals("pause", StringComparison.OrdinalIgnoreCase), context.PlayerId);
                break;
            case "cancel":
                change = () => grain.Cancel(context.PlayerId);
                break;
            default:
                if (IBroadcastGrain.Normalize(argument) is not { } text)
                {
                    await Reply(context, BotTexts.Get(language, "admin.broadcast.invalid", IBroadcastGrain.MaxTextLength));
                    return;
                }

                // The draft carries the text: the send button reads it back from this message, in whichever bot process it lands.
                await Reply(context, BotTexts.Get(language, "admin.broadcast.draft") + DraftSeparator + text, Keyboards.BroadcastSend(language));
                return;
        }

        // The entry, written before the change, names the broadcast as it stood when asked.
        var changed = await Audited(context, "broadcast." + argument.ToLowerInvariant(), current?.Id ?? "room",
            (current is null ? "" : $"{current.Sent} sent, {current.Skipped} skipped, {current.Failed} failed; ") + "from the bot", change);
        if (changed.Status == BroadcastStatus.Running)
        {
            broadcasts.Wake();
        }
        await Reply(context, BroadcastStatusText(language, changed));
    }

    /// <summary>The send button under a draft: starts the broadcast of the draft's text (audited) and wakes this bot's sender.</summary>
    private async Task<string?> SendBroadcast(Context context, CallbackQuery query)
    {
        if (!IsAdmin(context))
        {
            logger.LogWarning("Player {PlayerId} pressed the broadcast button: refused", context.PlayerId);
            return BotTexts.Get(context.Language, "admin.denied");
        }

        var draft = query.Message?.Text;
        var cut = draft?.IndexOf(DraftSeparator, StringComparison.Ordinal) ?? -1;
        if (cut < 0 || IBroadcastGrain.Normalize(draft![(cut + DraftSeparator.Length)..]) is not { } text)
        {
            await Reply(context, BotTexts.Get(context.Language, "admin.broadcast.expired"));
            return null;
        }

        var started = await Audited(context, "broadcast.start", "room", Text.Shorten(text, 200),
            () => grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key).Start(context.PlayerId, text));
        broadcasts.Wake();
        await Reply(context, BroadcastStatusText(context.Language, started));
        return BotTexts.Get(context.Language, "ok");
    }

    /// <summary>Between a draft's question and the text it would send (the question holds no blank line).</summary>
    private const string DraftSeparator = "\n\n";

    private static string BroadcastStatusText(string language, Broadcast broadcast) =>
        BotTexts.Get(language, "admin.broadcast.status", BotTexts.Get(language, "broadcast." + broadcast.Status), broadcast.StartedAt, broadcast.StartedBy,
            broadcast.UpdatedAt, broadcast.Sent, broadcast.Skipped, broadcast.Failed);

    private async Task FindPlayers(Context context, string text)
    {
        var found = await grains.GetGrain<IPlayerSearchGrain>(0).Search(text);
        var language = context.Language;
        if (found.Count == 0)
        {
            await Reply(context, BotTexts.Get(language, "admin.found.none", text));
            return;
        }

        var reply = new StringBuilder(BotTexts.Get(language, "admin.found", text));
        foreach (var player in found)
        {
            reply.Append('\n').Append(BotTexts.Get(language, "admin.found.row", player.DisplayName, player.Username is { } u ? "@" + u : "", player.PlayerId));
        }

        await Reply(context, reply.ToString());
    }

    private async Task ShowPlayer(Context context, long playerId)
    {
        var player = grains.GetGrain<IPlayerGrain>(playerId);
        var summary = await player.Get();
        var profile = summary.Profile;
        var language = context.Language;
        var text = new StringBuilder(BotTexts.Get(language, "admin.player", profile.DisplayName, profile.Username is { } u ? "@" + u : "",
            profile.PlayerId, profile.TelegramId?.ToString(CultureInfo.InvariantCulture) ?? "–", profile.Language, summary.Balance, summary.Stats.HandsPlayed, summary.Tables.Count));
        text.Append('\n').Append(await player.GetBan() is { } ban
            ? BotTexts.Get(language, "admin.player.banned", ban.At, ban.AdminId, ban.Reason)
            : BotTexts.Get(language, "admin.player.ok"));
        await Reply(context, text.ToString());
    }

    /// <summary>Bans a player who is not an admin (the grain stands them up at every table), audited.</summary>
    private async Task Ban(Context context, long playerId, string reason)
    {
        var player = grains.GetGrain<IPlayerGrain>(playerId);
        var summary = await player.Get();
        if (summary.Profile.TelegramId is { } telegramId && admins.Contains(telegramId))
        {
            await Reply(context, BotTexts.Get(context.Language, "admin.ban.admin"));
            return;
        }

        var ban = await Audited(context, "player.ban", playerId.ToString(CultureInfo.InvariantCulture), reason, () => player.Ban(context.PlayerId, reason));
        foreach (var tableId in summary.Tables)
        {
            await watches.Forget(tableId, playerId);
        }

        await Reply(context, BotTexts.Get(context.Language, "admin.banned", playerId, ban.Reason));
    }

    private async Task Insights(Context context, CancellationToken ct)
    {
        var insights = await grains.GetGrain<IRoomInsightsGrain>(0).Get();
        var language = context.Language;
        var text = new StringBuilder(BotTexts.Get(language, "admin.insights",
            insights.Tables.Count, insights.Active, insights.Paused, insights.Waiting, insights.PlayersSeated, insights.Waitlisted,
            insights.HandsLastHour, insights.PlayersLastHour, insights.PotsLastHour, insights.RakeLastHour));
        if (insights.BusiestTableId is { } busiest)
        {
            text.Append('\n').Append(BotTexts.Get(language, "admin.busiest", busiest, insights.BusiestTableHands));
        }

        var maintenance = (await grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Get()).On;
        text.Append('\n').Append(BotTexts.Get(language, maintenance ? "admin.maintenance.on" : "admin.maintenance.off"));
        var shown = insights.Tables.Take(AdminTablesShown).ToList();
        text.Append('\n');
        foreach (var table in shown)
        {
            text.Append('\n').Append(BotTexts.Get(language, "admin.row", table.TableId, table.Name, Status(language, table.Status),
                table.SeatsTaken, table.MaxPlayers, table.HandNo, table.WaitlistLength));
        }

        await Reply(context, text.ToString(), Keyboards.Admin(language, shown, maintenance));
    }

    /// <summary>An admin button (a table's manage, pause, resume or close, or a kick); returns the callback answer.</summary>
    private async Task<string?> AdminButton(Context context, CallbackData button, CancellationToken ct)
    {
        if (!IsAdmin(context))
        {
            logger.LogWarning("Player {PlayerId} pressed admin button {Button}: refused", context.PlayerId, button.Format());
            return BotTexts.Get(context.Language, "admin.denied");
        }

        var language = context.Language;
        if (button is CallbackData.Kick { TableId: var kickedFrom, PlayerId: var playerId })
        {
            var table = grains.GetGrain<ITableGrain>(kickedFrom);
            var name = (await table.GetSummary()).Name;
            await Audited(context, "table.kick", kickedFrom, $"player {playerId.ToString(CultureInfo.InvariantCulture)}: from the bot", () => table.Kick(playerId));
            await watches.Forget(kickedFrom, playerId);
            await TellKicked(playerId, name, "kicked", ct);
            await Reply(context, BotTexts.Get(language, "admin.kicked", playerId, name));
            return BotTexts.Get(language, "ok");
        }

        if (button is CallbackData.Maintenance { On: var on })
        {
            var status = await Audited(context, on ? "room.maintenance.on" : "room.maintenance.off", "room", "from the bot",
                () => grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Set(on, context.PlayerId, null));
            await Reply(context, BotTexts.Get(language, status.On ? "admin.maintenance.on" : "admin.maintenance.off"), new global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(Keyboards.Maintenance(language, status.On)));
            return BotTexts.Get(language, "ok");
        }

        if (button is not CallbackData.Table { Verb: var verb, TableId: var tableId })
        {
            throw new UnknownButtonException();
        }

        var target = grains.GetGrain<ITableGrain>(tableId);
        switch (verb)
        {
            case TableVerb.Manage:
                var view = (await target.GetSnapshot(null)).View;
                await Reply(context, AdminTableText(view, language), Keyboards.AdminTable(language, view));
                return null;
            case TableVerb.Pause or TableVerb.Resume:
                var paused = verb == TableVerb.Pause;
                await Audited(context, paused ? "table.pause" : "table.resume", tableId, "from the bot", () => target.SetPaused(paused));
                await Reply(context, BotTexts.Get(language, paused ? "admin.paused" : "admin.resumed", tableId));
                return BotTexts.Get(language, "ok");
            case TableVerb.Close:
                var reason = $"closed by admin {context.PlayerId.ToString(CultureInfo.InvariantCulture)} from the bot";
                await Audited(context, "table.close", tableId, reason, () => target.Close(reason));
                await Reply(context, BotTexts.Get(language, "admin.closed", tableId));
                return BotTexts.Get(language, "ok");
            default:
                throw new UnknownButtonException();
        }
    }

    private static string AdminTableText(TableView view, string language)
    {
        var text = new StringBuilder(BotTexts.Get(language, "admin.table", view.Name, view.TableId, Status(language, view.Status), view.HandNo));
        var seated = view.Seats.Where(s => s.PlayerId is not null).ToList();
        if (seated.Count == 0)
        {
            text.Append('\n').Append(BotTexts.Get(language, "admin.noplayers"));
        }

        foreach (var seat in seated)
        {
            text.Append('\n').Append(BotTexts.Get(language, "admin.seat", seat.Name, seat.PlayerId, seat.Stack));
        }

        return text.ToString();
    }

    private static string Status(string language, TableStatus status) => BotTexts.Get(language, "status." + status);

    /// <summary>Carries out an admin's or a host's action with its audit entry stored first (<see cref="IAuditLogGrain.Audited{T}"/>).</summary>
    private Task<T> Audited<T>(Context context, string action, string target, string details, Func<Task<T>> act) =>
        IAuditLogGrain.Audited(grains, new AuditEntry(time.GetUtcNow(), context.PlayerId, action, target, details), act, logger);

    private Task Audited(Context context, string action, string target, string details, Func<Task> act) =>
        IAuditLogGrain.Audited(grains, new AuditEntry(time.GetUtcNow(), context.PlayerId, action, target, details), act, logger);

    /// <summary>A kicked chat player hears it (<paramref name="textKey"/>: by an admin or the host) in their private chat (players of the mini-app or robots have none).</summary>
    private async Task TellKicked(long playerId, string tableName, string textKey, CancellationToken ct)
    {
        PlayerSummary player;
        try
        {
            player = await grains.GetGrain<IPlayerGrain>(playerId).Get();
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            return;
        }

        if (player.Profile.TelegramId is { } chatId && !player.Profile.IsRobot && !player.Profile.Unreachable)
        {
            var text = BotTexts.Get(player.Profile.Language, textKey, tableName);
            outbox.Send(chatId, text);
        }
    }
}
