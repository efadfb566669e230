using System.Globalization;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>
/// Inline keyboards and their callback data (at most 64 bytes): <c>m</c> menu, <c>l</c> lobby (<c>l:<c>l</c> lobbylt;page<c>l</c> lobbygt;</c> a page of it), <c>j:&lt;table&gt;</c>
/// join, <c>w:&lt;table&gt;</c> waitlist, <c>a:&lt;table&gt;:&lt;hand&gt;:&lt;f|k|c|r&lt;n&gt;|x|b|s&lt;cards&gt;|d&lt;cards&gt;&gt;</c>
/// act, <c>ad|ap|ar|ac:&lt;table&gt;</c> and <c>ak:&lt;table&gt;:&lt;player&gt;</c> admin, ...
/// </summary>
internal static class Keyboards
{
    public static InlineKeyboardMarkup Menu(string language, string? miniAppUrl, bool privateChat)
    {
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { Button(language, "btn.lobby", "l"), Button(language, "btn.table", "t") },
            new[] { Button(language, "btn.profile", "p"), Button(language, "btn.stats", "s") },
            new[] { Button(language, "btn.wallet", "wa"), Button(language, "btn.invite", "iv") },
            new[] { Button(language, "btn.language", "lg"), Button(language, "btn.help", "h") },
        };
        if (privateChat && !string.IsNullOrWhiteSpace(miniAppUrl))
        {
            rows.Add([InlineKeyboardButton.WithWebApp(BotTexts.Get(language, "btn.app"), new WebAppInfo(miniAppUrl))]);
        }

        return new InlineKeyboardMarkup(rows);
    }

    public static InlineKeyboardMarkup Languages() => new(new[]
    {
        InlineKeyboardButton.WithCallbackData("English", "lg:en"),
        InlineKeyboardButton.WithCallbackData("فارسی", "lg:fa"),
    });

    public static InlineKeyboardMarkup Lobby(string language, IEnumerable<TableSummary> tables) =>
        new(tables.Select(table => new[]
        {
            table.SeatsTaken < table.MaxPlayers
                ? Button(language, "btn.join", $"j:{table.TableId}", table.Name)
                : Button(language, "btn.waitlist", $"w:{table.TableId}", table.Name),
        }));

    public static InlineKeyboardMarkup Join(string language, TableSummary table) => Lobby(language, [table]);

    /// <summary>A page of the lobby (<paramref name="page"/> of <paramref name="pages"/>, from 0) with buttons to the pages beside it.</summary>
    public static InlineKeyboardMarkup Lobby(string language, IReadOnlyList<TableSummary> tables, int page, int pages)
    {
        var rows = Lobby(language, tables).InlineKeyboard.Select(row => row.ToArray()).ToList();
        var paging = new List<InlineKeyboardButton>();
        if (page > 0)
        {
            paging.Add(Button(language, "btn.prev", "l:" + (page - 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (page + 1 < pages)
        {
            paging.Add(Button(language, "btn.next", "l:" + (page + 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (paging.Count > 0)
        {
            rows.Add(paging.ToArray());
        }

        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>A seated player's buttons: refresh, sit out (<c>so</c>) or sit in (<c>si</c>), leave.</summary>
    public static InlineKeyboardMarkup Seated(string language, string tableId, bool sittingOut = false) => new(new[]
    {
        Button(language, "btn.refresh", $"v:{tableId}"),
        sittingOut ? Button(language, "btn.sitin", $"si:{tableId}") : Button(language, "btn.sitout", $"so:{tableId}"),
        Button(language, "btn.leave", $"lv:{tableId}"),
    });

    /// <summary>One button that opens the bot's private chat with <paramref name="link"/> (a <c>t.me</c> deep link).</summary>
    public static InlineKeyboardMarkup Private(string language, string link) =>
        new(InlineKeyboardButton.WithUrl(BotTexts.Get(language, "btn.private"), link));

    public static InlineKeyboardMarkup Wallet(string language) => new(Button(language, "btn.topup", "tu"));

    /// <summary>One row per table: manage (<c>ad</c>), pause (<c>ap</c>) or resume (<c>ar</c>), close (<c>ac</c>).</summary>
    public static InlineKeyboardMarkup Admin(string language, IEnumerable<TableSummary> tables) =>
        new(tables.Select(table => new[]
        {
            Button(language, "btn.manage", $"ad:{table.TableId}", table.Name),
            PauseOrResume(language, table.TableId, table.Status),
            Button(language, "btn.close", $"ac:{table.TableId}", table.Name),
        }));

    /// <summary>One table for an admin: pause or resume and close, then one kick button (<c>ak</c>) per seated player.</summary>
    public static InlineKeyboardMarkup AdminTable(string language, TableView view)
    {
        var rows = new List<InlineKeyboardButton[]>
        {
            new[] { PauseOrResume(language, view.TableId, view.Status), Button(language, "btn.close", $"ac:{view.TableId}", view.Name) },
        };
        rows.AddRange(view.Seats
            .Where(s => s.PlayerId is not null)
            .Select(s => new[] { Button(language, "btn.kick", $"ak:{view.TableId}:{s.PlayerId!.Value.ToString(CultureInfo.InvariantCulture)}", s.Name) }));
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton PauseOrResume(string language, string tableId, TableStatus status) =>
        status == TableStatus.Paused ? Button(language, "btn.resume", $"ar:{tableId}") : Button(language, "btn.pause", $"ap:{tableId}");

    /// <summary>
    /// The buttons of a "your turn" message for the legal actions of <paramref name="seat"/>. In a draw, one toggle per
    /// hole card (<c>s&lt;selection&gt;</c>: the selection after the press, so the buttons carry it and any bot process
    /// can handle them) and "Discard N" (<c>d&lt;cards&gt;</c>) / "Stand pat" (<c>d</c>) for <paramref name="selected"/>.
    /// </summary>
    public static InlineKeyboardMarkup Turn(string language, string tableId, TurnRef turn, LegalActions legal, SeatView? seat, IReadOnlyList<string> cards, IReadOnlyList<string>? selected = null)
    {
        var prefix = $"a:{tableId}:{turn.HandNo.ToString(CultureInfo.InvariantCulture)}:{turn.TurnId.ToString(CultureInfo.InvariantCulture)}:";
        var rows = new List<InlineKeyboardButton[]>();
        var first = new List<InlineKeyboardButton>();
        if (legal.DiscardMin is { } discardMin)
        {
            selected ??= [];
            rows.Add(cards.Select(card =>
            {
                var toggled = selected.Contains(card) ? selected.Where(c => c != card) : selected.Append(card);
                var label = (selected.Contains(card) ? "✅ " : "") + CardText.Card(card);
                return InlineKeyboardButton.WithCallbackData(label, prefix + "s" + string.Concat(cards.Where(toggled.Contains)));
            }).ToArray());
            if (selected.Count > 0 && selected.Count >= discardMin && selected.Count <= (legal.DiscardMax ?? cards.Count))
            {
                first.Add(Button(language, "btn.discard", prefix + "d" + string.Concat(selected), selected.Count));
            }

            if (discardMin == 0)
            {
                first.Add(Button(language, "btn.standpat", prefix + "d"));
            }
        }

        if (legal.CanFold)
        {
            first.Add(Button(language, "btn.fold", prefix + "f"));
        }

        if (legal.CanCheck)
        {
            first.Add(Button(language, "btn.check", prefix + "k"));
        }
        else if (legal.CallAmount is { } call)
        {
            first.Add(Button(language, "btn.call", prefix + "c", call));
        }

        if (legal.BringIn is { } bringIn)
        {
            first.Add(Button(language, "btn.bringin", prefix + "b", bringIn));
        }

        rows.Add(first.ToArray());
        if (legal.CanBetOrRaise)
        {
            var bet = IsBet(legal);
            var allIn = AllIn(seat);
            var sizes = new SortedSet<long> { legal.MinRaiseTo, Math.Min(legal.MinRaiseTo * 2, legal.MaxRaiseTo), legal.MaxRaiseTo };
            var raises = sizes.Where(size => size >= legal.MinRaiseTo && size <= legal.MaxRaiseTo)
                .Select(size => InlineKeyboardButton.WithCallbackData(BetLabel(language, bet, size, allIn), prefix + "r" + size.ToString(CultureInfo.InvariantCulture)))
                .ToArray();
            rows.Add(raises);
            if (legal.MaxRaiseTo > legal.MinRaiseTo)
            {
                rows.Add([Button(language, "btn.custom", prefix + "x")]);
            }
        }

        return new InlineKeyboardMarkup(rows);
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

    private static InlineKeyboardButton Button(string language, string key, string data, params object?[] args) =>
        InlineKeyboardButton.WithCallbackData(BotTexts.Get(language, key, args), data);
}
