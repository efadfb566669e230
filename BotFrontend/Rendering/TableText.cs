using System.Globalization;
using System.Text;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>The public table message of a hand: board, pot, seats with their last actions, who acts, the result.</summary>
internal static class TableText
{
    /// <summary>Chat lines a chat player's table message shows (the most recent ones).</summary>
    public const int ChatLines = 3;

    /// <summary>
    /// The table message as of <paramref name="now"/> (the actor's countdown is counted from it); with
    /// <paramref name="chat"/> (for chat players) its last <see cref="ChatLines"/> lines that were not deleted follow,
    /// as the plain text they are (the bot sends no markup, so nothing in them is interpreted).
    /// </summary>
    public static string Hand(TableView view, string language, DateTimeOffset now, IReadOnlyList<ChatMessage>? chat = null)
    {
        var text = new StringBuilder();
        text.AppendLine(BotTexts.Get(language, "hand.title", view.Name, view.HandNo));
        if (view.Maintenance)
        {
            text.AppendLine(BotTexts.Get(language, "maintenance.table"));
        }

        if (view.Board.Count > 0)
        {
            text.AppendLine(BotTexts.Get(language, "hand.board", CardText.Cards(view.Board)));
        }

        text.AppendLine(BotTexts.Get(language, "hand.pot", Pot(view)));
        foreach (var seat in view.Seats.Where(s => s.PlayerId is not null))
        {
            text.Append(seat.Seat == view.ButtonSeat ? "Ⓓ " : "• ")
                .Append(seat.Name)
                .Append(" — ")
                .Append(seat.Stack.ToString(CultureInfo.InvariantCulture));
            if (seat.Bet > 0)
            {
                text.Append(" (").Append(seat.Bet.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            if (seat.Folded)
            {
                text.Append(" ✗");
            }
            else if (seat.LastAction is { } last)
            {
                text.Append(" · ").Append(LastAction(last, language));
            }

            text.AppendLine();
        }

        var result = view.LastResult is { } r && r.HandNo == view.HandNo ? r : null;
        if (result is not null)
        {
            foreach (var award in result.Awards)
            {
                text.AppendLine(BotTexts.Get(language, "hand.result", SeatName(view, award.Seat), award.Amount, Shown(award, language)));
            }
        }
        else if (view.ActorSeat is { } actor && view.Seats.FirstOrDefault(s => s.Seat == actor) is { } acting)
        {
            text.AppendLine(view.Deadline is { } deadline
                ? BotTexts.Get(language, "hand.toact.left", acting.Name, SecondsLeft(deadline, now))
                : BotTexts.Get(language, "hand.toact", acting.Name));
        }

        var lines = chat?.Where(m => !m.Deleted).TakeLast(ChatLines).ToList() ?? [];
        if (lines.Count > 0)
        {
            text.AppendLine(BotTexts.Get(language, "hand.chat"));
            foreach (var line in lines)
            {
                text.Append(line.DisplayName).Append(": ").AppendLine(line.Text);
            }
        }

        return text.ToString().TrimEnd();
    }

    public static long Pot(TableView view) => view.Pots.Sum(p => p.Amount);

    /// <summary>The name of the player at <paramref name="seat"/> (the seat number when it is empty).</summary>
    public static string SeatName(TableView view, int seat) =>
        view.Seats.FirstOrDefault(s => s.Seat == seat)?.Name ?? $"#{seat}";

    /// <summary>" — Two pair, queens and nines Q♠ 9♦" for an award won with a shown hand, else empty.</summary>
    public static string Shown(PotAward award, string language) =>
        ShownHandText.Of(award, language) is { } hand ? $" — {hand} {CardText.Cards(award.Cards)}" : "";

    /// <summary>
    /// The "your turn" message (the actor's private chat only, so it may repeat their cards beside the board); in a
    /// draw it says how to discard and which cards are <paramref name="selected"/>. As of <paramref name="now"/> it
    /// counts down the turn clock; without it (a prompt whose turn is over) there is no clock.
    /// </summary>
    public static string Turn(TableView view, PrivateView mine, string language, DateTimeOffset? now, IReadOnlyList<string>? selected = null)
    {
        var clock = now is { } at ? $"{Countdown(view.Deadline, at, language)} {TimeBank(view, mine, language)}".Trim() : "";
        var text = BotTexts.Get(language, "turn", view.Name, view.HandNo, Pot(view), clock).TrimEnd()
                   + "\n" + BotTexts.Get(language, "turn.cards", CardText.Cards(mine.Cards), view.Board.Count == 0 ? "—" : CardText.Cards(view.Board));
        if (mine.Legal is { DiscardMin: not null } legal)
        {
            var chosen = selected is { Count: > 0 } ? CardText.Cards(selected) : BotTexts.Get(language, "draw.none");
            text += "\n" + BotTexts.Get(language, "draw.choose", legal.DiscardMax ?? mine.Cards.Count)
                    + "\n" + BotTexts.Get(language, "draw.selected", chosen);
        }

        return text;
    }

    /// <summary>
    /// The player's time bank beside the turn clock: "(+30 s time bank)" while it is untouched, "(time bank)" once the
    /// clock runs on it; empty without one.
    /// </summary>
    public static string TimeBank(TableView view, PrivateView mine, string language) =>
        view.OnTimeBank ? BotTexts.Get(language, "turn.onbank")
        : view.Seats.FirstOrDefault(s => s.Seat == mine.Seat) is { TimeBankSeconds: > 0 and var seconds } ? BotTexts.Get(language, "turn.bank", seconds)
        : "";

    /// <summary>"⏳ 20 s left" until <paramref name="deadline"/>, as of <paramref name="now"/>; empty without a clock.</summary>
    public static string Countdown(DateTimeOffset? deadline, DateTimeOffset now, string language) => deadline switch
    {
        null => "",
        { } due when due > now => BotTexts.Get(language, "turn.left", SecondsLeft(due, now)),
        _ => BotTexts.Get(language, "turn.over"),
    };

    /// <summary>Whole seconds from <paramref name="now"/> to <paramref name="deadline"/>, rounded up ("1 s left" until it has run out).</summary>
    public static long SecondsLeft(DateTimeOffset deadline, DateTimeOffset now) =>
        Math.Max(0, (long)Math.Ceiling((deadline - now).TotalSeconds));

    /// <summary>The table's card (its buy-in and seats), with antes and bring-in for stud games, else the blinds.</summary>
    public static string Summary(TableSummary table, string language) => Studlike(table)
        ? BotTexts.Get(language, "table.card.antes", table.Name, Variant(table.Variant, language), table.Ante, table.BringIn, table.SmallBet, table.BigBet, table.MinBuyIn, table.MaxBuyIn, table.SeatsTaken, table.MaxPlayers)
        : BotTexts.Get(language, "table.card", table.Name, Variant(table.Variant, language), table.SmallBlind, table.BigBlind, table.MinBuyIn, table.MaxBuyIn, table.SeatsTaken, table.MaxPlayers);

    /// <summary>One lobby line: name, game, the forced bets (antes and bring-in for stud, else blinds), seats.</summary>
    public static string LobbyRow(TableSummary table, string language) => Studlike(table)
        ? BotTexts.Get(language, "lobby.row.antes", table.Name, Variant(table.Variant, language), table.Ante, table.BringIn, table.SmallBet, table.BigBet, table.SeatsTaken, table.MaxPlayers)
        : BotTexts.Get(language, "lobby.row.blinds", table.Name, Variant(table.Variant, language), table.SmallBlind, table.BigBlind, table.SeatsTaken, table.MaxPlayers);

    /// <summary>The game's name in <paramref name="language"/> (the PHH code when the bot has no name for it).</summary>
    public static string Variant(string code, string language) =>
        BotTexts.Has("variant." + code) ? BotTexts.Get(language, "variant." + code) : code;

    // Stud games post antes and a bring-in instead of blinds.
    private static bool Studlike(TableSummary table) => table.BringIn > 0 || (table.BigBlind == 0 && table.Ante > 0);

    /// <summary>A seat's last action (<see cref="SeatView.LastAction"/>: a word, then the chips) in the player's language, with the buttons' words.</summary>
    internal static string LastAction(string code, string language)
    {
        var (word, chips) = code.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (code[..space], code[(space + 1)..]) : (code, "");
        return word switch
        {
            "Fold" => BotTexts.Get(language, "btn.fold"),
            "Check" => BotTexts.Get(language, "btn.check"),
            "Call" => BotTexts.Get(language, "btn.call", chips),
            "Bet" => BotTexts.Get(language, "btn.bet", chips),
            "Raise" => BotTexts.Get(language, "btn.raise", chips),
            "Discard" => BotTexts.Get(language, "btn.discard", chips),
            "StandPat" => BotTexts.Get(language, "btn.standpat"),
            _ => code,
        };
    }
}
