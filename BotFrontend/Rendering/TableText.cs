using System.Globalization;
using System.Text;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>The public table message of a hand: board, pot, seats with their last actions, who acts, the result.</summary>
internal static class TableText
{
    public static string Hand(TableView view, string language)
    {
        var text = new StringBuilder();
        text.AppendLine(BotTexts.Get(language, "hand.title", view.Name, view.HandNo));
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
                text.Append(" · ").Append(last);
            }

            text.AppendLine();
        }

        var result = view.LastResult is { } r && r.HandNo == view.HandNo ? r : null;
        if (result is not null)
        {
            foreach (var award in result.Awards)
            {
                var name = view.Seats.FirstOrDefault(s => s.Seat == award.Seat)?.Name ?? $"#{award.Seat}";
                var shown = award.Hand is null ? "" : $" — {award.Hand} {CardText.Cards(award.Cards)}";
                text.AppendLine(BotTexts.Get(language, "hand.result", name, award.Amount, shown));
            }
        }
        else if (view.ActorSeat is { } actor && view.Seats.FirstOrDefault(s => s.Seat == actor) is { } acting)
        {
            text.AppendLine(BotTexts.Get(language, "hand.toact", acting.Name));
        }

        return text.ToString().TrimEnd();
    }

    public static long Pot(TableView view) => view.Pots.Sum(p => p.Amount);

    /// <summary>
    /// The "your turn" message (the actor's private chat only, so it may repeat their cards beside the board); in a
    /// draw it says how to discard and which cards are <paramref name="selected"/>.
    /// </summary>
    public static string Turn(TableView view, PrivateView mine, string language, IReadOnlyList<string>? selected = null)
    {
        var deadline = (view.Deadline ?? DateTimeOffset.UtcNow).UtcDateTime;
        var text = BotTexts.Get(language, "turn", view.Name, view.HandNo, Pot(view), deadline)
                   + "\n" + BotTexts.Get(language, "turn.cards", CardText.Cards(mine.Cards), view.Board.Count == 0 ? "—" : CardText.Cards(view.Board));
        if (mine.Legal is { DiscardMin: not null } legal)
        {
            var chosen = selected is { Count: > 0 } ? CardText.Cards(selected) : BotTexts.Get(language, "draw.none");
            text += "\n" + BotTexts.Get(language, "draw.choose", legal.DiscardMax ?? mine.Cards.Count)
                    + "\n" + BotTexts.Get(language, "draw.selected", chosen);
        }

        return text;
    }

    public static string Summary(TableSummary table, string language) =>
        BotTexts.Get(language, "table.card", table.Name, table.Variant, table.SmallBlind, table.BigBlind, table.MinBuyIn, table.MaxBuyIn, table.SeatsTaken, table.MaxPlayers);
}
