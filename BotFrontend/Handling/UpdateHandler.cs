using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using CommandKind = Orleans.Poker.BotFrontend.Rendering.CallbackData.CommandKind;
using TableVerb = Orleans.Poker.BotFrontend.Rendering.CallbackData.TableVerb;
using TurnButton = Orleans.Poker.BotFrontend.Rendering.CallbackData.TurnButton;

namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>
/// Handles one update: commands, button presses, typed amounts and the bot's membership of chats, all through the
/// grains. Admin commands, draws and groups are in the other parts of this class.
/// </summary>
internal sealed partial class UpdateHandler(
    BotApi api,
    Outbox outbox,
    BroadcastSender broadcasts,
    IGrainFactory grains,
    TableWatches watches,
    TurnPinger pinger,
    BotIdentity identity,
    PokerOptions options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<UpdateHandler> logger)
{
    private readonly IReadOnlySet<long> admins = options.Bot.AdminIds();

    public async Task Handle(Update update, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            // A message sent on behalf of a chat (an anonymous group admin, a channel) comes from Telegram's shared
            // placeholder accounts, not from a player: it is not answered.
            if (update.Message is { From: { } from, Text: { } text, SenderChat: null } message)
            {
                await OnMessage(update.Id, message, from, text, cancellationToken);
            }
            else if (update.CallbackQuery is { } query)
            {
                await OnCallback(update.Id, query, cancellationToken);
            }
            else if (update.Message is { MigrateToChatId: { } upgradedTo, Chat.Id: var upgraded })
            {
                await OnMigration(upgraded, upgradedTo);
            }
            else if (update.Message is { MigrateFromChatId: { } movedFrom, Chat.Id: var movedTo })
            {
                await OnMigration(movedFrom, movedTo);
            }
            else if (update.MyChatMember is { } membership)
            {
                await OnMembership(membership, cancellationToken);
            }

            ok = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Unavailability.Of(e))
        {
            // Failed before a button's own handling (which answers it itself): the player is asked to try again.
            var user = update.Message?.From ?? update.CallbackQuery?.From;
            var text = Unavailable(update.Id, e, user?.Id, user?.LanguageCode);
            var chatId = UpdateProcessor.ChatOf(update);
            if (update.CallbackQuery is { } query)
            {
                await AnswerCallback(chatId, query.Id, text, true, null, cancellationToken);
            }
            else if (update.Message is not null)
            {
                outbox.Send(chatId, text);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Update {UpdateId} failed", update.Id);
        }
        finally
        {
            metrics.Handled(started, ok);
        }
    }

    private sealed record Context(long ChatId, bool PrivateChat, User User, PlayerSummary Player, string? ChatTitle = null, bool Banned = false)
    {
        public long PlayerId => User.Id;

        public string Language => Player.Profile.Language;
    }

    private async Task<Context> Begin(Chat chat, User user)
    {
        var grain = grains.GetGrain<IPlayerGrain>(user.Id);
        // As the player grain keeps it, so that an unchanged long name compares equal.
        var name = PlayerProfile.CleanName($"{user.FirstName} {user.LastName}");
        var displayName = name.Length > 0 ? name : user.Username ?? "";
        PlayerSummary? player;
        try
        {
            player = await grain.Get();
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            player = null;
        }

        // Register writes state: only on first sight or when Telegram's name changed, not on every update.
        if (player is null || player.Profile.Username != user.Username || (displayName.Length > 0 && player.Profile.DisplayName != displayName))
        {
            player = await grain.Register(new PlayerProfile
            {
                PlayerId = user.Id,
                TelegramId = user.Id,
                DisplayName = displayName,
                Username = user.Username,
                Language = BotTexts.Normalize(user.LanguageCode),
            });
        }

        // A banned player gets the one polite refusal and nothing else: no watches resumed, no state touched.
        if (await grain.GetBan() is not null)
        {
            return new Context(chat.Id, chat.Type == ChatType.Private, user, player, chat.Title, Banned: true);
        }

        // They wrote to us in private, so their chat is open again: messages flow again, starting with their hands as they stand.
        var privateChat = chat.Type == ChatType.Private;
        var resumed = privateChat && outbox.Reachable(chat.Id);
        if (privateChat && (player.Profile.Unreachable || !player.Profile.BotChat))
        {
            resumed |= player.Profile.Unreachable;
            await grain.SetReachable(true);
        }

        // After a restart of the bot, chat players' tables are watched again on their next update.
        await WatchTables(user.Id, player, resumed);
        return new Context(chat.Id, privateChat, user, player, chat.Title);
    }

    /// <summary>
    /// Relays the player's tables to their private chat; <paramref name="resumed"/>: the chat answers again after
    /// being unreachable, so each table's hand as it stands is sent afresh.
    /// </summary>
    private async Task WatchTables(long playerId, PlayerSummary player, bool resumed)
    {
        foreach (var tableId in player.Tables)
        {
            try
            {
                await watches.WatchPlayer(tableId, playerId, player.Profile.Language);
                if (resumed)
                {
                    watches.Find(tableId)?.Resume(playerId);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not relay table {TableId} to player {PlayerId}", tableId, playerId);
            }
        }
    }

    private async Task OnMessage(int updateId, Message message, User from, string text, CancellationToken ct)
    {
        var command = text.StartsWith('/') ? text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var name = command?[0][1..];
        var at = name?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        // A group's talk is not the bot's business, numbers included (a custom amount is asked for, and typed, in
        // private), and neither is a command for another bot in the group: nothing of them is read, not even who wrote
        // them, so the people who only talk there are not made players.
        if ((command is null && message.Chat.Type != ChatType.Private) || (at >= 0 && identity.IsAnotherBot(name![(at + 1)..])))
        {
            return;
        }

        var context = await Begin(message.Chat, from);
        if (context.Banned)
        {
            logger.LogInformation("Banned player {PlayerId} wrote to the bot: refused", context.PlayerId);
            await Reply(context, BotTexts.Get(context.Language, "banned"));
            return;
        }

        if (command is null)
        {
            // Text in private (not a command) is what answers an amount asked for, possibly in another bot process:
            // kept in a grain, read for such texts only (commands and buttons make no call of it).
            if (await grains.GetGrain<IPendingAmountGrain>(from.Id).Take() is { } pending)
            {
                await ActCustom(updateId, context, pending, text, ct);
            }
            else
            {
                await Reply(context, BotTexts.Get(context.Language, "unknown"));
            }

            return;
        }

        try
        {
            await Command(context, (at >= 0 ? name![..at] : name!).ToLowerInvariant(), command.Length > 1 ? command[1] : "", ct);
        }
        catch (PokerException e)
        {
            await Reply(context, Refusal(context, e));
        }
    }

    private Task Command(Context context, string command, string argument, CancellationToken ct) => command switch
    {
        "start" => Start(context, argument, ct),
        "menu" => Menu(context),
        "lobby" => Lobby(context, 0, ct),
        "table" => MyTables(context, ct),
        "profile" => Profile(context, ct),
        "stats" => Stats(context, ct),
        "wallet" => Wallet(context, ct),
        "invite" => Invite(context, ct),
        "language" => Reply(context, BotTexts.Get(context.Language, "language.choose"), Keyboards.Languages()),
        "help" => Help(context),
        "admin" => Admin(context, argument, ct),
        "startgroup" => StartGroup(context, ct),
        "host" => Host(context, argument, ct),
        "pings" => Pings(context, argument),
        _ => Reply(context, BotTexts.Get(context.Language, "unknown")),
    };

    private async Task Start(Context context, string payload, CancellationToken ct)
    {
        var asked = StartPayload.Parse(payload);
        switch (asked)
        {
            case StartPayload.Table { TableId: var tableId }:
                await ShowTable(context, tableId, ct);
                return;
            case StartPayload.Invite { TableId: var tableId, Code: var code } when context.PrivateChat:
                // Seated, a player gets their cards in the private chat this link opens (typed in a group: the welcome).
                // A full table queues them with the link's code (the seat it then holds for them takes no code).
                try
                {
                    await Sit(context, tableId, code, ct);
                }
                catch (PokerException full) when (full.Code == "table_full")
                {
                    try
                    {
                        await Queue(context, tableId, code);
                    }
                    catch (PokerException e) when (e.Code == "waitlist_off")
                    {
                        throw full;
                    }
                }

                return;
            case StartPayload.Group when !context.PrivateChat:
                await StartGroup(context, ct);
                return;
            case StartPayload.Join { TableId: var tableId } when context.PrivateChat:
                await Sit(context, tableId, null, ct);
                return;
            case StartPayload.Section { Name: var section } when context.PrivateChat:
                await Command(context, section, "", ct);
                return;
        }

        var referral = asked is StartPayload.Referral { ReferrerId: var referrer } ? await Referral(context, referrer, ct) : null;
        var balance = referral is null ? context.Player.Balance : (await grains.GetGrain<IPlayerGrain>(context.PlayerId).Get()).Balance;
        // The balance is private: a group is welcomed without it.
        var text = context.PrivateChat
            ? BotTexts.Get(context.Language, "welcome", context.Player.Profile.DisplayName, balance)
            : BotTexts.Get(context.Language, "welcome.group", context.Player.Profile.DisplayName);
        if (referral is not null)
        {
            text += "\n" + referral;
        }

        await Reply(context, text, Keyboards.Menu(context.Language, options.Bot.MiniAppUrl, context.PrivateChat));
    }

    /// <summary>
    /// A referral deep link: the referral grain credits the bonuses once, for a new player invited by someone else;
    /// the referrer hears about it in their private chat. Returns the line for the welcome message.
    /// </summary>
    private async Task<string> Referral(Context context, long referrerId, CancellationToken ct)
    {
        var result = await grains.GetGrain<IReferralGrain>(context.PlayerId).Claim(referrerId);
        logger.LogInformation("Player {PlayerId} came with the referral link of {ReferrerId}: {Outcome}", context.PlayerId, referrerId, result.Outcome);
        switch (result.Outcome)
        {
            case ReferralOutcome.Credited:
                var referrer = (await grains.GetGrain<IPlayerGrain>(referrerId).Get()).Profile;
                if (result.ReferrerBonus > 0)
                {
                    var note = BotTexts.Get(referrer.Language, "referral.referrer", context.Player.Profile.DisplayName, result.ReferrerBonus);
                    outbox.Send(referrerId, note);
                }

                return BotTexts.Get(context.Language, "referral.credited", referrer.DisplayName, result.NewPlayerBonus);
            case ReferralOutcome.AlreadyCredited:
                return BotTexts.Get(context.Language, "referral.already", result.ReferrerId);
            case ReferralOutcome.SelfReferral:
                return BotTexts.Get(context.Language, "referral.self");
            case ReferralOutcome.NotNewPlayer:
                return BotTexts.Get(context.Language, "referral.notnew");
            default:
                return BotTexts.Get(context.Language, "referral.unknown");
        }
    }

    private Task Menu(Context context) =>
        Reply(context, BotTexts.Get(context.Language, "menu"), Keyboards.Menu(context.Language, options.Bot.MiniAppUrl, context.PrivateChat));

    private Task<IReadOnlyList<TableSummary>> ListTables() => ILobbyGrain.ListAll(grains);

    /// <summary>Lobby tables per page: a long lobby is paged, its tables grouped by game.</summary>
    internal const int LobbyPageSize = 8;

    private async Task Lobby(Context context, int page, CancellationToken ct)
    {
        var open = (await ListTables()).Where(t => t.Status != TableStatus.Ended).ToList();
        if (open.Count == 0)
        {
            await Reply(context, BotTexts.Get(context.Language, "lobby.empty"));
            return;
        }

        // Grouped by game in the order the games first appear; each group keeps the lobby's order.
        var tables = open.GroupBy(t => t.Variant).SelectMany(game => game).ToList();
        var pages = (tables.Count + LobbyPageSize - 1) / LobbyPageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var shown = tables.Skip(page * LobbyPageSize).Take(LobbyPageSize).ToList();
        var text = new StringBuilder(BotTexts.Get(context.Language, "lobby.title"));
        foreach (var table in shown)
        {
            text.Append('\n').Append(TableText.LobbyRow(table, context.Language));
        }

        if (pages > 1)
        {
            text.Append("\n\n").Append(BotTexts.Get(context.Language, "lobby.page", page + 1, pages));
        }

        await Reply(context, text.ToString(), Keyboards.Lobby(context.Language, shown, page, pages));
    }

    private async Task ShowTable(Context context, string tableId, CancellationToken ct)
    {
        TableSummary table;
        try
        {
            table = await grains.GetGrain<ITableGrain>(tableId).GetSummary();
        }
        catch (PokerException)
        {
            await Reply(context, BotTexts.Get(context.Language, "table.notfound"));
            return;
        }

        await Reply(context, TableText.Summary(table, context.Language), Keyboards.Join(context.Language, table));
    }

    private async Task MyTables(Context context, CancellationToken ct)
    {
        if (context.Player.Tables.Count == 0)
        {
            await Reply(context, BotTexts.Get(context.Language, "table.none"), Keyboards.Menu(context.Language, options.Bot.MiniAppUrl, context.PrivateChat));
            return;
        }

        foreach (var tableId in context.Player.Tables)
        {
            var snapshot = await grains.GetGrain<ITableGrain>(tableId).GetSnapshot(context.PlayerId);
            var text = TableText.Hand(snapshot.View, context.Language, time.GetUtcNow());
            if (snapshot.Mine is { Cards.Count: > 0 } mine && context.PrivateChat)
            {
                text += "\n" + BotTexts.Get(context.Language, "hole", snapshot.View.Name, snapshot.View.HandNo, CardText.Cards(mine.Cards));
            }

            var sittingOut = snapshot.View.Seats.Any(s => s.PlayerId == context.PlayerId && s.SittingOut);
            await Reply(context, text, Keyboards.Seated(context.Language, tableId, sittingOut));
        }
    }

    /// <summary>
    /// Balances, ledgers, statistics and invite links are shown in the player's private chat only: asked in a group
    /// (by command or by a button on a group's message), the bot answers with a button that opens the private chat
    /// with <paramref name="section"/> as the <c>/start</c> parameter, which shows it there.
    /// </summary>
    private async Task<bool> KeptPrivate(Context context, string section)
    {
        if (context.PrivateChat)
        {
            return false;
        }

        await Reply(context, BotTexts.Get(context.Language, "private.only"), Keyboards.Private(context.Language, identity.Link(new StartPayload.Section(section).Format())));
        return true;
    }

    /// <summary>
    /// In a group, a player the bot cannot write to in private (they never started it, or blocked it) is sent to start
    /// it with <paramref name="next"/>'s link (<see cref="PrivateChatNeededException"/>): their cards, prompts and seat
    /// offers go to that chat only.
    /// </summary>
    private async Task RequireReachable(Context context, StartPayload next)
    {
        if (!context.PrivateChat && !await CanReach(context.PlayerId))
        {
            throw new PrivateChatNeededException(identity.Link(next.Format()));
        }
    }

    /// <summary>
    /// Whether the bot can write to the player's private chat: a typing action, invisible, answered 403 when they never
    /// opened the chat or blocked the bot (then they are marked unreachable until they write).
    /// </summary>
    private async Task<bool> CanReach(long playerId)
    {
        var answer = await api.Once(playerId, async (client, token) =>
        {
            await client.SendChatAction(playerId, ChatAction.Typing, cancellationToken: token);
            return true;
        }, CancellationToken.None);
        if (answer.Outcome != CallOutcome.Unreachable)
        {
            return true;
        }

        await api.MarkUnreachable(playerId);
        return false;
    }

    /// <summary>/help, with the admin commands for admins only.</summary>
    private Task Help(Context context) => Reply(context, admins.Contains(context.PlayerId)
        ? BotTexts.Get(context.Language, "help") + "\n" + BotTexts.Get(context.Language, "help.admin")
        : BotTexts.Get(context.Language, "help"));

    private async Task Profile(Context context, CancellationToken ct)
    {
        if (await KeptPrivate(context, "profile"))
        {
            return;
        }

        var profile = context.Player.Profile;
        var tables = context.Player.Tables.Count == 0 ? "—" : string.Join(", ", context.Player.Tables);
        await Reply(context, BotTexts.Get(context.Language, "profile", profile.DisplayName, BotTexts.LanguageName(profile.Language), context.Player.Balance, tables));
    }

    private async Task Stats(Context context, CancellationToken ct)
    {
        if (await KeptPrivate(context, "stats"))
        {
            return;
        }

        // Hands, wins, net and ranks are the figures of the mini-app's page and leaderboards (the stored hands); VPIP and
        // showdowns are counted by the player grain only.
        var playerId = context.Player.Profile.PlayerId;
        var results = grains.GetGrain<IPlayerResultsGrain>(0);
        var mineTask = results.Player(playerId);
        var allTimeTask = results.Leaderboard(LeaderboardPeriod.All, LeaderboardOrder.Profit, 1, playerId);
        var weekTask = results.Leaderboard(LeaderboardPeriod.Week, LeaderboardOrder.Profit, 1, playerId);
        await Task.WhenAll(mineTask, allTimeTask, weekTask);
        var (mine, allTime, week) = (mineTask.Result, allTimeTask.Result, weekTask.Result);
        string Rank(Leaderboard board) => board.Own is { } own
            ? BotTexts.Get(context.Language, "stats.rank", own.Rank, board.Ranked)
            : BotTexts.Get(context.Language, "stats.unranked");
        var stats = context.Player.Stats;
        var vpip = stats.HandsPlayed == 0 ? 0 : stats.VoluntarilyPutIn * 100 / stats.HandsPlayed;
        await Reply(context, BotTexts.Get(context.Language, "stats", mine.Hands, mine.HandsWon, mine.Net,
            mine.BiggestPots.Count == 0 ? 0 : mine.BiggestPots[0].Pot, Rank(allTime), Rank(week), vpip, stats.ShowdownsSeen));
    }

    private async Task Wallet(Context context, CancellationToken ct)
    {
        if (await KeptPrivate(context, "wallet"))
        {
            return;
        }

        var ledger = await grains.GetGrain<IPlayerGrain>(context.PlayerId).GetLedger(0, 5);
        var text = new StringBuilder(BotTexts.Get(context.Language, "wallet", context.Player.Balance));
        if (ledger.Count > 0)
        {
            text.Append("\n\n").Append(BotTexts.Get(context.Language, "wallet.ledger"));
            foreach (var entry in ledger)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{entry.At:yyyy-MM-dd HH:mm} {BotTexts.Get(context.Language, "ledger." + entry.Kind)} {entry.Amount:+#;-#;0} → {entry.BalanceAfter}");
            }
        }

        await Reply(context, text.ToString(), Keyboards.Wallet(context.Language));
    }

    private async Task Invite(Context context, CancellationToken ct)
    {
        if (await KeptPrivate(context, "invite"))
        {
            return;
        }

        var text = new StringBuilder(BotTexts.Get(context.Language, "invite", identity.Link(new StartPayload.Referral(context.PlayerId).Format())));
        foreach (var tableId in context.Player.Tables)
        {
            var table = grains.GetGrain<ITableGrain>(tableId);
            if ((await table.GetSummary()).IsPrivate)
            {
                var code = await table.GetInviteCode(context.PlayerId);
                text.Append('\n').Append(BotTexts.Get(context.Language, "invite.table", tableId, identity.Link(new StartPayload.Invite(tableId, code).Format())));
            }
        }

        await Reply(context, text.ToString());
    }

    /// <summary>/pings on|off turns the player's turn pings on or off; /pings alone says how they are.</summary>
    private async Task Pings(Context context, string argument)
    {
        var player = grains.GetGrain<IPlayerGrain>(context.PlayerId);
        var settings = argument.Trim().ToLowerInvariant() switch
        {
            "on" => await player.SetSettings(new PlayerSettings(TurnPings: true)),
            "off" => await player.SetSettings(new PlayerSettings(TurnPings: false)),
            _ => await player.GetSettings(),
        };
        await Reply(context, BotTexts.Get(context.Language, settings.TurnPings ? "pings.on" : "pings.off"));
    }

    /// <summary>
    /// Queues the player on the table's waitlist, through the table: it refuses a queue while a seat is free, for a
    /// seated player or at a private table without its code, and counts the queue. Their table is watched for the offer.
    /// </summary>
    private async Task Queue(Context context, string tableId, string? inviteCode)
    {
        var table = grains.GetGrain<ITableGrain>(tableId);
        var summary = await table.GetSummary();
        var position = await table.JoinWaitlist(context.PlayerId, context.Player.Profile.DisplayName, inviteCode);
        await watches.WatchPlayer(tableId, context.PlayerId, context.Language);
        await Reply(context, BotTexts.Get(context.Language, "waitlisted", position, summary.Name));
    }

    private async Task Sit(Context context, string tableId, string? inviteCode, CancellationToken ct)
    {
        var table = grains.GetGrain<ITableGrain>(tableId);
        var summary = await table.GetSummary();
        var buyIn = Math.Clamp(summary.BigBlind * 50, summary.MinBuyIn, Math.Max(summary.MinBuyIn, summary.MaxBuyIn));
        buyIn = Math.Max(summary.MinBuyIn, Math.Min(buyIn, context.Player.Balance));

        // Subscribe first so the first hand's events are not missed.
        var watched = await watches.WatchPlayer(tableId, context.PlayerId, context.Language);
        int seat;
        try
        {
            seat = await table.Sit(new SeatRequest(context.PlayerId, context.Player.Profile.DisplayName, buyIn, null, inviteCode));
        }
        catch
        {
            // Only the watch this press added goes: one kept for the waitlist's offer stays, and so does one for a seat
            // another press (in another chat) took meanwhile.
            if (watched && !(await grains.GetGrain<IPlayerGrain>(context.PlayerId).Get()).Tables.Contains(tableId))
            {
                await watches.Forget(tableId, context.PlayerId);
            }

            throw;
        }

        var privateChat = context.PlayerId;
        var text = BotTexts.Get(context.Language, "seated", summary.Name, seat + 1, buyIn);
        outbox.Send(privateChat, text, Keyboards.Seated(context.Language, tableId));
    }

    private async Task OnCallback(int updateId, CallbackQuery query, CancellationToken ct)
    {
        var chat = query.Message?.Chat ?? new Chat { Id = query.From.Id, Type = ChatType.Private };
        var context = await Begin(chat, query.From);
        var data = query.Data ?? "";
        string? answer = null;
        string? url = null;
        var alert = false;
        try
        {
            if (context.Banned)
            {
                logger.LogInformation("Banned player {PlayerId} pressed a button: refused", context.PlayerId);
                answer = BotTexts.Get(context.Language, "banned");
                alert = true;
            }
            else
            {
                answer = await Callback(updateId, context, query, data, ct);
            }
        }
        catch (PrivateChatNeededException e)
        {
            answer = BotTexts.Get(context.Language, "join.start");
            url = e.Link;
        }
        catch (PokerException e)
        {
            answer = Refusal(context, e);
            alert = true;
        }
        catch (UnknownButtonException)
        {
            answer = BotTexts.Get(context.Language, "unknown");
        }
        catch (Exception e) when (Unavailability.Of(e))
        {
            answer = Unavailable(updateId, e, context.PlayerId, context.Language);
            alert = true;
        }
        finally
        {
            await AnswerCallback(context.ChatId, query.Id, answer, alert, url, ct);
        }
    }

    /// <summary>The longest the one attempt to answer a button press may take.</summary>
    private static readonly TimeSpan CallbackAnswerTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Answers a button press with one short attempt: the press expires within seconds, and the chat's next updates
    /// wait in its queue behind this call, so a throttled or slow answer is dropped, never waited out (the spinner on
    /// the button stops by itself).
    /// </summary>
    private async Task AnswerCallback(long chatId, string queryId, string? text, bool alert, string? url, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallbackAnswerTimeout);
        try
        {
            var answer = await api.Once(chatId, async (client, token) =>
            {
                await client.AnswerCallbackQuery(queryId, text, alert, url, cancellationToken: token);
                return true;
            }, timeout.Token);
            if (answer.Outcome != CallOutcome.Ok)
            {
                logger.LogInformation("The answer to a button pressed in chat {ChatId} was dropped: Telegram answered {Outcome}", chatId, answer.Outcome);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogInformation("The answer to a button pressed in chat {ChatId} was dropped: Telegram did not answer within {Timeout}", chatId, CallbackAnswerTimeout);
        }
    }

    /// <summary>Runs a button; returns the text of the callback answer (null for none).</summary>
    private async Task<string?> Callback(int updateId, Context context, CallbackQuery query, string data, CancellationToken ct)
    {
        if (!CallbackData.TryParse(data, out var button))
        {
            throw new UnknownButtonException();
        }

        switch (button)
        {
            case CallbackData.Command { Kind: var command }:
                switch (command)
                {
                    case CommandKind.Menu: await Menu(context); return null;
                    case CommandKind.MyTables: await MyTables(context, ct); return null;
                    case CommandKind.Profile: await Profile(context, ct); return null;
                    case CommandKind.Stats: await Stats(context, ct); return null;
                    case CommandKind.Wallet: await Wallet(context, ct); return null;
                    case CommandKind.Invite: await Invite(context, ct); return null;
                    case CommandKind.Help: await Help(context); return null;
                    default:
                        var balance = await grains.GetGrain<IPlayerGrain>(context.PlayerId).ClaimTopUp();
                        return BotTexts.Get(context.Language, "topup.done", balance);
                }

            case CallbackData.Lobby lobby:
                await Lobby(context, lobby.Page ?? 0, ct);
                return null;
            case CallbackData.Language { Code: null }:
                await Reply(context, BotTexts.Get(context.Language, "language.choose"), Keyboards.Languages());
                return null;
            case CallbackData.Language { Code: { } code }:
                var language = BotTexts.Normalize(code);
                await grains.GetGrain<IPlayerGrain>(context.PlayerId).UpdateProfile(null, language);
                watches.SetLanguage(context.PlayerId, language);
                await Reply(context, BotTexts.Get(language, "language.set"), Keyboards.Menu(language, options.Bot.MiniAppUrl, context.PrivateChat));
                return BotTexts.Get(language, "ok");
            case CallbackData.Host host:
                return await HostButton(context, host, ct);
            case CallbackData.BroadcastSend:
                return await SendBroadcast(context, query);
            case CallbackData.Table { Verb: TableVerb.Manage or TableVerb.Pause or TableVerb.Resume or TableVerb.Close } or CallbackData.Kick or CallbackData.Maintenance:
                return await AdminButton(context, button, ct);
            case CallbackData.Table table:
                return await TableButton(context, table.Verb, table.TableId, ct);
            case CallbackData.AnyTable any:
                return await AnyTable(context, any.TemplateId, ct);
            case CallbackData.Act act:
                return await Act(updateId, context, query, act, ct);
            default:
                throw new UnknownButtonException();
        }
    }

    /// <summary>A player's button about one table.</summary>
    private async Task<string?> TableButton(Context context, TableVerb verb, string tableId, CancellationToken ct)
    {
        var table = grains.GetGrain<ITableGrain>(tableId);
        switch (verb)
        {
            case TableVerb.Join:
                // Seated, they would get no cards and no prompts (and hold the table up): they start the bot first.
                await RequireReachable(context, new StartPayload.Join(tableId));
                await Sit(context, tableId, null, ct);
                return BotTexts.Get(context.Language, "ok");
            case TableVerb.Waitlist:
                // The seat held for them is offered in their private chat only: they start the bot first (its link shows
                // the table there). The button carries no invite code, so a private table refuses it (forbidden) before
                // anything is queued or watched: only an invited player may queue there (the invite link queues them).
                await RequireReachable(context, new StartPayload.Table(tableId));
                await Queue(context, tableId, inviteCode: null);
                return null;
            case TableVerb.SitOut or TableVerb.SitIn:
                var sitsOut = verb == TableVerb.SitOut;
                await (sitsOut ? table.SitOut(context.PlayerId) : table.SitIn(context.PlayerId));
                var tableName = (await table.GetSummary()).Name;
                await Reply(context, BotTexts.Get(context.Language, sitsOut ? "satout" : "satin", tableName), Keyboards.Seated(context.Language, tableId, sitsOut));
                return BotTexts.Get(context.Language, "ok");
            case TableVerb.Refresh:
                await MyTables(context, ct);
                return null;
            case TableVerb.Leave:
                var name = (await table.GetSummary()).Name;
                var cashed = await table.Leave(context.PlayerId);
                await watches.Forget(tableId, context.PlayerId);
                await Reply(context, BotTexts.Get(context.Language, "left", name, cashed));
                return null;
            default:
                throw new UnknownButtonException();
        }
    }

    /// <summary>
    /// Waits for any of the room's tables of a template: a seat free now (or already held for the player) is taken as
    /// the table's Join button takes it; queued, the player is told their place, and the room's tables of the template
    /// relay their "seat held for you" message to them (a table the room opens later does not: its offer is seen in the
    /// mini-app's lobby).
    /// </summary>
    private async Task<string?> AnyTable(Context context, string templateId, CancellationToken ct)
    {
        // As for a table's own queue: the seat held for them is offered in their private chat (its link opens the lobby there).
        await RequireReachable(context, new StartPayload.Section("lobby"));
        var status = await grains.GetGrain<ITemplateWaitlistGrain>(templateId).Join(context.PlayerId, context.Player.Profile.DisplayName);
        if (status.TableId is { } tableId)
        {
            // Reachable, as checked above: seated as the table's Join button seats them.
            await Sit(context, tableId, null, ct);
            return BotTexts.Get(context.Language, "ok");
        }

        var tables = (await ListTables()).Where(t => t.TemplateId == templateId && ITemplateWaitlistGrain.Serves(t)).ToList();
        foreach (var table in tables)
        {
            await watches.WatchPlayer(table.TableId, context.PlayerId, context.Language);
        }

        var name = (await grains.GetGrain<ITemplateGrain>(templateId).Get())?.Config.Name ?? templateId;
        await Reply(context, BotTexts.Get(context.Language, "waitlisted.any", status.Position, name));
        return null;
    }

    /// <summary>A button of a "your turn" prompt.</summary>
    private async Task<string?> Act(int updateId, Context context, CallbackQuery query, CallbackData.Act button, CancellationToken ct)
    {
        var (tableId, turn) = (button.TableId, button.Turn);
        var table = grains.GetGrain<ITableGrain>(tableId);
        if (button.Button == TurnButton.Toggle)
        {
            return await ToggleDiscard(context, query, tableId, turn, button.Cards, ct);
        }

        if (button.Button == TurnButton.Discard)
        {
            return await Discard(updateId, context, tableId, turn, button.Cards, ct);
        }

        if (button.Button == TurnButton.AskAmount)
        {
            var snapshot = await table.GetSnapshot(context.PlayerId);
            if (TurnRef.Of(snapshot.View) != turn)
            {
                // A button kept from an earlier turn: refused now, as the table would refuse the amount once typed.
                throw PokerException.Conflict("stale_action", "That action was for an earlier turn; look at the table again");
            }

            var legal = snapshot.Mine?.Legal;
            if (legal is not { CanBetOrRaise: true })
            {
                throw new PokerException("not_your_turn", "It is not your turn");
            }

            var seat = snapshot.View.Seats.FirstOrDefault(s => s.PlayerId == context.PlayerId);
            // In a grain, not here: the typed amount may reach another bot process.
            await grains.GetGrain<IPendingAmountGrain>(context.PlayerId).Ask(new PendingAmount(tableId, turn, legal.MinRaiseTo, legal.MaxRaiseTo, Keyboards.IsBet(legal), Keyboards.AllIn(seat)));
            var ask = BotTexts.Get(context.Language, "custom.ask", legal.MinRaiseTo, legal.MaxRaiseTo);
            var chatId = context.PlayerId;
            outbox.Send(chatId, ask, new ForceReplyMarkup());
            return null;
        }

        PlayerAction action = button.Button switch
        {
            TurnButton.Fold => new(ActionKind.Fold),
            TurnButton.Check => new(ActionKind.Check),
            TurnButton.Call => new(ActionKind.Call),
            TurnButton.BringIn => new(ActionKind.BringIn),
            TurnButton.BetOrRaise => new(ActionKind.BetOrRaise, button.Amount),
            _ => throw new UnknownButtonException(),
        };
        var label = ButtonLabel(query, query.Data) ?? Keyboards.ActionLabel(context.Language, action);
        await Submit(updateId, context, tableId, turn, action, label, ct);
        return BotTexts.Get(context.Language, "turn.done", label);
    }

    /// <summary>Whether the turn a custom amount was asked for is still being played.</summary>
    private async Task<bool> StillAsked(PendingAmount pending)
    {
        try
        {
            return TurnRef.Of((await grains.GetGrain<ITableGrain>(pending.TableId).GetSnapshot(null)).View) == pending.Turn;
        }
        catch (PokerException)
        {
            return false;
        }
    }

    private async Task ActCustom(int updateId, Context context, PendingAmount pending, string text, CancellationToken ct)
    {
        if (!long.TryParse(AsciiDigits(text.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < pending.Min || amount > pending.Max)
        {
            if (!await StillAsked(pending))
            {
                // The turn passed (the clock ran out, the hand ended): the text answers nothing any more.
                await Reply(context, BotTexts.Get(context.Language, "unknown"));
                return;
            }

            await grains.GetGrain<IPendingAmountGrain>(context.PlayerId).Ask(pending);
            await Reply(context, BotTexts.Get(context.Language, "custom.invalid", pending.Min, pending.Max), new ForceReplyMarkup());
            return;
        }

        try
        {
            await Submit(updateId, context, pending.TableId, pending.Turn, new PlayerAction(ActionKind.BetOrRaise, amount), Keyboards.BetLabel(context.Language, pending.Bet, amount, pending.AllIn), ct);
        }
        catch (PokerException e)
        {
            await Reply(context, Refusal(context, e));
        }
    }

    /// <summary>The text with Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits as ASCII ones: a Persian keyboard types those.</summary>
    private static string AsciiDigits(string text) => string.Concat(text.Select(c => c switch
    {
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        _ => c,
    }));

    /// <summary>Acts with the update id as the client sequence number, so a redelivered update is applied once.</summary>
    private async Task Submit(int updateId, Context context, string tableId, TurnRef turn, PlayerAction action, string label, CancellationToken ct)
    {
        await grains.GetGrain<ITableGrain>(tableId).Act(context.PlayerId, turn, action, updateId);
        var done = BotTexts.Get(context.Language, "turn.done", label);
        if (watches.Find(tableId)?.TakePromptOf(context.PlayerId, turn) is { } prompt)
        {
            outbox.Show(prompt.Slot, done);
        }

        pinger.Acted(tableId, context.PlayerId, turn, done);
    }

    /// <summary>The player's words for a refusal: by its code, never its (English, PHH-seated) message.</summary>
    private string Refusal(Context context, PokerException e)
    {
        logger.LogInformation("Player {PlayerId} was refused: {Code} {Reason}", context.PlayerId, e.Code, e.Message);
        return BotTexts.Error(context.Language, e.Code);
    }

    /// <summary>
    /// The cluster or the database did not answer while an update was handled: a warning (the player may try again), and
    /// the polite text that asks them to, in their language (Telegram's when the player could not be read).
    /// </summary>
    private string Unavailable(int updateId, Exception exception, long? playerId, string? language)
    {
        logger.LogWarning(exception, "Update {UpdateId} of player {PlayerId} not handled: the game servers did not answer", updateId, playerId);
        return BotTexts.Get(language, "unavailable");
    }

    private static string? ButtonLabel(CallbackQuery query, string? data) =>
        query.Message?.ReplyMarkup?.InlineKeyboard.SelectMany(row => row).FirstOrDefault(b => b.CallbackData == data)?.Text;

    /// <summary>Queues a message to the chat of the update (it goes out in order, paced; the handler does not wait for it).</summary>
    private Task Reply(Context context, string text, ReplyMarkup? markup = null)
    {
        outbox.Send(context.ChatId, text, markup);
        return Task.CompletedTask;
    }
}
