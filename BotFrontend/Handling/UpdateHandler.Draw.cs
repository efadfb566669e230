using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>
/// Draw rounds from a chat: the "your turn" message has a toggle per hole card; each press edits the message to show
/// the selection (carried in the buttons' data, so any bot process can handle the next press), and "Discard N"
/// sends the selected cards with the action.
/// </summary>
internal sealed partial class UpdateHandler
{
    /// <summary>A card toggle: <paramref name="selection"/> is the selection after the press.</summary>
    private async Task<string?> ToggleDiscard(Context context, CallbackQuery query, string tableId, TurnRef turn, string selection, CancellationToken ct)
    {
        // The press edits the message it was on to show the player's cards: only ever in their private chat (its id is
        // theirs). The data of a toggle pressed on a bot message elsewhere (a group's) can only have been forged.
        if (query.Message is not { } message || message.Chat.Id != context.PlayerId)
        {
            throw new UnknownButtonException();
        }

        var snapshot = await grains.GetGrain<ITableGrain>(tableId).GetSnapshot(context.PlayerId);
        if (TurnRef.Of(snapshot.View) != turn || snapshot.Mine is not { Legal: { DiscardMin: not null } legal } mine
            || snapshot.View.ActorSeat != mine.Seat)
        {
            throw new PokerException("not_your_turn", "It is not your turn to draw");
        }

        var selected = ParseCards(selection);
        if (selected.Any(card => !mine.Cards.Contains(card)))
        {
            throw new PokerException("invalid_cards", "Those cards are not in your hand");
        }

        if (selected.Count > (legal.DiscardMax ?? mine.Cards.Count))
        {
            return BotTexts.Get(context.Language, "draw.toomany", legal.DiscardMax);
        }

        var seat = snapshot.View.Seats.FirstOrDefault(s => s.Seat == mine.Seat);
        var text = TableText.Turn(snapshot.View, mine, context.Language, time.GetUtcNow(), selected);
        var keyboard = Keyboards.Turn(context.Language, tableId, turn, legal, seat, mine.Cards, selected);
        outbox.Show(new MessageSlot(message.Chat.Id, message.Id), text, keyboard);
        return null;
    }

    /// <summary>"Discard N" (<paramref name="cards"/> the selection) or "Stand pat" (no cards).</summary>
    private async Task<string?> Discard(int updateId, Context context, string tableId, TurnRef turn, string cards, CancellationToken ct)
    {
        var discards = ParseCards(cards);
        var label = discards.Count == 0
            ? BotTexts.Get(context.Language, "btn.standpat")
            : BotTexts.Get(context.Language, "btn.discard", discards.Count) + " · " + CardText.Cards(discards);
        await Submit(updateId, context, tableId, turn, new PlayerAction(ActionKind.Discard, 0, discards), label, ct);
        return BotTexts.Get(context.Language, "turn.done", label);
    }

    /// <summary>Two-character cards run together (<c>AsKh</c>), as the buttons carry them.</summary>
    private static List<string> ParseCards(string cards)
    {
        if (cards.Length % 2 != 0 || cards.Length > 10)
        {
            throw new PokerException("invalid_cards", "Unknown cards");
        }

        var parsed = new List<string>();
        for (var i = 0; i < cards.Length; i += 2)
        {
            var card = cards.Substring(i, 2);
            if (!"23456789TJQKA".Contains(card[0], StringComparison.Ordinal) || !"cdhs".Contains(card[1], StringComparison.Ordinal) || parsed.Contains(card))
            {
                throw new PokerException("invalid_cards", "Unknown cards");
            }

            parsed.Add(card);
        }

        return parsed;
    }
}
