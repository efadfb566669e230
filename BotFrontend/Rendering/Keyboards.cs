using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;
using static Orleans.Poker.BotFrontend.Rendering.CallbackData;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>Inline keyboards; what each button carries back is a <see cref="CallbackData"/>.</summary>
internal static class Keyboards
{
    public static InlineKeyboardMarkup Menu(string language, string? miniAppUrl, bool privateChat)
    {
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { Button(language, "btn.lobby", new CallbackData.Lobby(null)), Button(language, "btn.table", Command(CommandKind.MyTables)) },
            new[] { Button(language, "btn.profile", Command(CommandKind.Profile)), Button(language, "btn.stats", Command(CommandKind.Stats)) },
            new[] { Button(language, "btn.wallet", Command(CommandKind.Wallet)), Button(language, "btn.invite", Command(CommandKind.Invite)) },
            new[] { Button(language, "btn.language", new CallbackData.Language(null)), Button(language, "btn.help", Command(CommandKind.Help)) },
        };
        if (privateChat && !string.IsNullOrWhiteSpace(miniAppUrl))
        {
            rows.Add([InlineKeyboardButton.WithWebApp(BotTexts.Get(language, "btn.app"), new WebAppInfo(miniAppUrl))]);
        }

        return new InlineKeyboardMarkup(rows);
    }

    public static InlineKeyboardMarkup Languages() =>
        new(BotTexts.Languages.Select(l => InlineKeyboardButton.WithCallbackData(l.Name, new CallbackData.Language(l.Code).Format())));

    public static InlineKeyboardMarkup Lobby(string language, IEnumerable<TableSummary> tables) =>
        new(tables.Select(table => table.SeatsTaken < table.MaxPlayers
            ? new[] { Button(language, "btn.join", Table(TableVerb.Join, table.TableId), table.Name) }
            : ITemplateWaitlistGrain.Serves(table)
                // A full room table: its own waitlist, or the first seat at any of its template's room tables.
                ? [Button(language, "btn.waitlist", Table(TableVerb.Waitlist, table.TableId), table.Name), Button(language, "btn.anytable", new CallbackData.AnyTable(table.TemplateId), table.Name)]
                : [Button(language, "btn.waitlist", Table(TableVerb.Waitlist, table.TableId), table.Name)]));

    public static InlineKeyboardMarkup Join(string language, TableSummary table) => Lobby(language, [table]);

    /// <summary>A page of the lobby (<paramref name="page"/> of <paramref name="pages"/>, from 0) with buttons to the pages beside it.</summary>
    public static InlineKeyboardMarkup Lobby(string language, IReadOnlyList<TableSummary> tables, int page, int pages)
    {
        var rows = Lobby(language, tables).InlineKeyboard.Select(row => row.ToArray()).ToList();
        var paging = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            paging.Add(Button(language, "btn.prev", new CallbackData.Lobby(page - 1)));
        }

        if (page + 1 < pages)
        {
            paging.Add(Button(language, "btn.next", new CallbackData.Lobby(page + 1)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging.ToArray());
        }

        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>A seated player's buttons: refresh, sit out or sit in, leave.</summary>
    public static InlineKeyboardMarkup Seated(string language, string tableId, bool sittingOut = false) => new(new[]
    {
        Button(language, "btn.refresh", Table(TableVerb.Refresh, tableId)),
        sittingOut ? Button(language, "btn.sitin", Table(TableVerb.SitIn, tableId)) : Button(language, "btn.sitout", Table(TableVerb.SitOut, tableId)),
        Button(language, "btn.leave", Table(TableVerb.Leave, tableId)),
    });

    /// <summary>One button that opens the bot's private chat with <paramref name="link"/> (a <c>t.me</c> deep link).</summary>
    public static InlineKeyboardMarkup Private(string language, string link) =>
        new(InlineKeyboardButton.WithUrl(BotTexts.Get(language, "btn.private"), link));

    public static InlineKeyboardMarkup Wallet(string language) => new(Button(language, "btn.topup", Command(CommandKind.TopUp)));

    /// <summary>One row per table: manage, pause or resume, close.</summary>
    public static InlineKeyboardMarkup Admin(string language, IEnumerable<TableSummary> tables, bool maintenance) =>
        new(tables.Select(table => new[]
        {
            Button(language, "btn.manage", Table(TableVerb.Manage, table.TableId), table.Name),
            PauseOrResume(language, table.TableId, table.Status),
            Button(language, "btn.close", Table(TableVerb.Close, table.TableId), table.Name),
        }).Append([Maintenance(language, maintenance)]));

    /// <summary>One table for an admin: pause or resume and close, then one kick button per seated player.</summary>
    public static InlineKeyboardMarkup AdminTable(string language, TableView view)
    {
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { PauseOrResume(language, view.TableId, view.Status), Button(language, "btn.close", Table(TableVerb.Close, view.TableId), view.Name) },
        };
        rows.AddRange(view.Seats
            .Where(s => s.PlayerId is not null)
            .Select(s => new[] { Button(language, "btn.kick", new CallbackData.Kick(view.TableId, s.PlayerId!.Value), s.Name) }));
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>
    /// A host's table: pause or resume and close; the big blinds and turn times within the limits (the extremes and
    /// double the current one, the current one left out); one kick button per other seated player.
    /// </summary>
    public static InlineKeyboardMarkup Host(string language, TableView view, long hostId, HostSettings settings)
    {
        CallbackData.Host Of(CallbackData.HostVerb verb, long value = 0) => new(verb, view.TableId, value);
        var current = settings.Next ?? settings.Current;
        var rows = new List<InlineKeyboardButton[]>
        {
            new[]
            {
                view.Status == TableStatus.Paused ? Button(language, "btn.resume", Of(CallbackData.HostVerb.Resume)) : Button(language, "btn.pause", Of(CallbackData.HostVerb.Pause)),
                Button(language, "btn.hostclose", Of(CallbackData.HostVerb.Close)),
            },
        };
        if (settings.BlindsChangeable)
        {
            rows.Add([.. Choices(settings.MinBigBlind, current.BigBlind * 2, settings.MaxBigBlind, current.BigBlind)
                .Select(b => Button(language, "btn.bigblind", Of(CallbackData.HostVerb.BigBlind, b), b))]);
        }

        var seconds = (long)current.TurnTime.TotalSeconds;
        rows.Add([.. Choices((long)settings.MinTurnTime.TotalSeconds, seconds * 2, (long)settings.MaxTurnTime.TotalSeconds, seconds)
            .Select(t => Button(language, "btn.turntime", Of(CallbackData.HostVerb.TurnTime, t), t))]);
        rows.AddRange(view.Seats
            .Where(s => s.PlayerId is { } id && id != hostId)
            .Select(s => new[] { Button(language, "btn.kick", Of(CallbackData.HostVerb.Kick, s.PlayerId!.Value), s.Name) }));
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The admin's switch of the room's maintenance: the button does what the switch is not.</summary>
    public static InlineKeyboardButton Maintenance(string language, bool on) =>
        Button(language, on ? "btn.maintenance.off" : "btn.maintenance.on", new CallbackData.Maintenance(!on));

    /// <summary>The one button under a broadcast draft: send it to every player who started the bot.</summary>
    public static InlineKeyboardMarkup BroadcastSend(string language) => new(Button(language, "btn.broadcast.send", new CallbackData.BroadcastSend()));

    /// <summary>The minimum, double the current value (within the limits) and the maximum, without the current value.</summary>
    private static IEnumerable<long> Choices(long min, long doubled, long max, long current) =>
        new[] { min, Math.Min(doubled, max), max }.Distinct().Where(v => v != current);

    private static InlineKeyboardButton PauseOrResume(string language, string tableId, TableStatus status) =>
        status == TableStatus.Paused ? Button(language, "btn.resume", Table(TableVerb.Resume, tableId)) : Button(language, "btn.pause", Table(TableVerb.Pause, tableId));

    /// <summary>
    /// The buttons of a "your turn" message for the legal actions of <paramref name="seat"/>. In a draw, one toggle per
    /// hole card (carrying the selection after the press, so any bot process can handle the next one) and
    /// "Discard N" / "Stand pat" for <paramref name="selected"/>.
    /// </summary>
    public static InlineKeyboardMarkup Turn(string language, string tableId, TurnRef turn, LegalActions legal, SeatView? seat, IReadOnlyList<string> cards, IReadOnlyList<string>? selected = null)
    {
        CallbackData.Act Act(TurnButton button, long amount = 0, string cards = "") => new(tableId, turn, button, amount, cards);
        var rows = new List<InlineKeyboardButton[]>();
        var first = new List<InlineKeyboardButton>();
        if (legal.DiscardMin is { } discardMin)
        {
            selected ??= [];
            rows.Add(cards.Select(card =>
            {
                var toggled = selected.Contains(card) ? selected.Where(c => c != card) : selected.Append(card);
                var label = (selected.Contains(card) ? "✅ " : "") + CardText.Card(card);
                return InlineKeyboardButton.WithCallbackData(label, Act(TurnButton.Toggle, cards: string.Concat(cards.Where(toggled.Contains))).Format());
            }).ToArray());
            if (selected.Count > 0 && selected.Count >= discardMin && selected.Count <= (legal.DiscardMax ?? cards.Count))
            {
                first.Add(Button(language, "btn.discard", Act(TurnButton.Discard, cards: string.Concat(selected)), selected.Count));
            }

            if (discardMin == 0)
            {
                first.Add(Button(language, "btn.standpat", Act(TurnButton.Discard)));
            }
        }

        first.AddRange(Simple(language, tableId, turn, legal));

        if (legal.BringIn is { } bringIn)
        {
            first.Add(Button(language, "btn.bringin", Act(TurnButton.BringIn), bringIn));
        }

        rows.Add(first.ToArray());
        if (legal.CanBetOrRaise)
        {
            var bet = IsBet(legal);
            var allIn = AllIn(seat);
            var sizes = new SortedSet<long> { legal.MinRaiseTo, Math.Min(legal.MinRaiseTo * 2, legal.MaxRaiseTo), legal.MaxRaiseTo };
            var raises = sizes.Where(size => size >= legal.MinRaiseTo && size <= legal.MaxRaiseTo)
                .Select(size => InlineKeyboardButton.WithCallbackData(BetLabel(language, bet, size, allIn), Act(TurnButton.BetOrRaise, size).Format()))
                .ToArray();
            rows.Add(raises);
            if (legal.MaxRaiseTo > legal.MinRaiseTo)
            {
                rows.Add([Button(language, "btn.custom", Act(TurnButton.AskAmount))]);
            }
        }

        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>Fold, and check or call: the buttons of a simple spot.</summary>
    private static IEnumerable<InlineKeyboardButton> Simple(string language, string tableId, TurnRef turn, LegalActions legal)
    {
        CallbackData.Act Act(TurnButton button) => new(tableId, turn, button);
        if (legal.CanFold)
        {
            yield return Button(language, "btn.fold", Act(TurnButton.Fold));
        }

        if (legal.CanCheck)
        {
            yield return Button(language, "btn.check", Act(TurnButton.Check));
        }
        else if (legal.CallAmount is { } call)
        {
            yield return Button(language, "btn.call", Act(TurnButton.Call), call);
        }
    }

    /// <summary>
    /// A turn ping's buttons: fold / check / call (none in a draw or a bring-in; bets and raises are made in the app),
    /// and the mini-app opened at the table when it is configured.
    /// </summary>
    public static InlineKeyboardMarkup? Ping(string language, TurnPing ping, string? miniAppUrl)
    {
        var rows = new List<InlineKeyboardButton[]>();
        if (ping.Legal is { DiscardMin: null, BringIn: null } legal)
        {
            rows.Add([.. Simple(language, ping.TableId, ping.Turn, legal)]);
        }

        if (!string.IsNullOrWhiteSpace(miniAppUrl))
        {
            rows.Add([InlineKeyboardButton.WithWebApp(BotTexts.Get(language, "btn.app.table"), new WebAppInfo(AppAt(miniAppUrl, ping.TableId)))]);
        }

        return rows.Count == 0 ? null : new InlineKeyboardMarkup(rows);
    }

    /// <summary>The mini-app's address that opens it at <paramref name="tableId"/> (its <c>table</c> query parameter).</summary>
    public static string AppAt(string miniAppUrl, string tableId)
    {
        var hash = miniAppUrl.IndexOf('#', StringComparison.Ordinal);
        var (address, fragment) = hash < 0 ? (miniAppUrl, "") : (miniAppUrl[..hash], miniAppUrl[hash..]);
        return address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "table=" + Uri.EscapeDataString(tableId) + fragment;
    }

    /// <summary>
    /// The words of an action for its confirmation when the button pressed cannot be read back (a bet or raise
    /// without its context is "Done").
    /// </summary>
    public static string ActionLabel(string language, PlayerAction action) => action.Kind switch
    {
        ActionKind.Fold => BotTexts.Get(language, "btn.fold"),
        ActionKind.Check => BotTexts.Get(language, "btn.check"),
        ActionKind.Call => BotTexts.Get(language, "act.call"),
        ActionKind.BringIn => BotTexts.Get(language, "act.bringin"),
        _ => BotTexts.Get(language, "ok"),
    };

    /// <summary>True when the chips put in open the betting (a bet) rather than raise it.</summary>
    public static bool IsBet(LegalActions legal) => legal.CanCheck && (legal.CallAmount ?? 0) == 0;

    /// <summary>What the seat has in all (stack and bet): a bet or raise to that is all-in.</summary>
    public static long AllIn(SeatView? seat) => seat is null ? long.MaxValue : seat.Stack + seat.Bet;

    /// <summary>"Bet 6", "Raise to 6" or "All-in 6": a button, and the confirmation of a typed amount.</summary>
    public static string BetLabel(string language, bool bet, long size, long allIn) =>
        BotTexts.Get(language, size == allIn ? "btn.allin" : bet ? "btn.bet" : "btn.raise", size);

    private static InlineKeyboardButton Button(string language, string key, CallbackData data, params object?[] args) =>
        InlineKeyboardButton.WithCallbackData(BotTexts.Get(language, key, args), data.Format());

    private static CallbackData.Command Command(CommandKind kind) => new(kind);

    private static CallbackData.Table Table(TableVerb verb, string tableId) => new(verb, tableId);
}
