using System.Globalization;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>
/// Inline keyboards and their callback data (at most 64 bytes): <c>m</c> menu, <c>l</c> lobby, <c>j:&lt;table&gt;</c>
/// join, <c>w:&lt;table&gt;</c> waitlist, <c>a:&lt;table&gt;:&lt;hand&gt;:&lt;f|k|c|r&lt;n&gt;|x|d|b&gt;</c> act, ...
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

    public static InlineKeyboardMarkup Seated(string language, string tableId) => new(new[]
    {
        Button(language, "btn.refresh", $"v:{tableId}"),
        Button(language, "btn.leave", $"lv:{tableId}"),
    });

    public static InlineKeyboardMarkup Wallet(string language) => new(Button(language, "btn.topup", "tu"));

    public static InlineKeyboardMarkup Admin(string language, IEnumerable<TableSummary> tables) =>
        new(tables.Select(table => new[] { Button(language, "btn.close", $"ac:{table.TableId}", table.Name) }));

    /// <summary>The buttons of a "your turn" message for the legal actions of <paramref name="seat"/>.</summary>
    public static InlineKeyboardMarkup Turn(string language, string tableId, long handNo, LegalActions legal, SeatView? seat)
    {
        var prefix = $"a:{tableId}:{handNo.ToString(CultureInfo.InvariantCulture)}:";
        var first = new List<InlineKeyboardButton>();
        if (legal.DiscardMin is not null)
        {
            first.Add(InlineKeyboardButton.WithCallbackData("Stand pat", prefix + "d"));
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
            first.Add(InlineKeyboardButton.WithCallbackData($"Bring-in {bringIn}", prefix + "b"));
        }

        var rows = new List<InlineKeyboardButton[]> { first.ToArray() };
        if (legal.CanBetOrRaise)
        {
            var bet = legal.CanCheck && (legal.CallAmount ?? 0) == 0;
            var allIn = seat is null ? long.MaxValue : seat.Stack + seat.Bet;
            var sizes = new SortedSet<long> { legal.MinRaiseTo, Math.Min(legal.MinRaiseTo * 2, legal.MaxRaiseTo), legal.MaxRaiseTo };
            var raises = sizes.Where(size => size >= legal.MinRaiseTo && size <= legal.MaxRaiseTo)
                .Select(size => size == allIn
                    ? Button(language, "btn.allin", prefix + "r" + size.ToString(CultureInfo.InvariantCulture), size)
                    : Button(language, bet ? "btn.bet" : "btn.raise", prefix + "r" + size.ToString(CultureInfo.InvariantCulture), size))
                .ToArray();
            rows.Add(raises);
            if (legal.MaxRaiseTo > legal.MinRaiseTo)
            {
                rows.Add([Button(language, "btn.custom", prefix + "x")]);
            }
        }

        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton Button(string language, string key, string data, params object?[] args) =>
        InlineKeyboardButton.WithCallbackData(BotTexts.Get(language, key, args), data);
}
