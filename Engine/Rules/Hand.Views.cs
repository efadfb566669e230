using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

public sealed partial class Hand
{
    /// <summary>The spectator view: face-down cards are never included.</summary>
    public HandView PublicView() => View(null);

    /// <summary>The view of <paramref name="seat"/>: public plus its own hole cards and legal actions on its turn.</summary>
    public HandView PrivateView(int seat)
    {
        if (seat < 0 || seat >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(seat));
        }

        return View(seat);
    }

    private HandView View(int? viewer)
    {
        var seats = new SeatView[n];
        for (var i = 0; i < n; i++)
        {
            var cards = PackedCards.Empty;
            var upMask = 0;
            var showAll = viewer == i;
            for (var k = 0; k < holeCount[i] && k < PackedCards.Capacity; k++)
            {
                var up = holeUp[(i * maxHole) + k];
                if (up)
                {
                    upMask |= 1 << k;
                }

                cards = cards.Add(up || showAll ? hole[(i * maxHole) + k] : Card.Unknown);
            }

            seats[i] = new SeatView(i, stacks[i], bets[i], !active[i], active[i] && stacks[i] == 0, cards, upMask);
        }

        var actor = Actor;
        LegalActions? legal = viewer is int v && actor == v ? GetLegalActions() : null;
        return new HandView(viewer, variant.Code, phase, street, actor, PackedCards.From(Board), seats, CurrentPots(), legal);
    }
}
