using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// Something that happened. <see cref="Amount"/> is chips (for <see cref="HandEventKind.BetOrRaisedTo"/> the street total),
/// <see cref="Cards"/> the cards involved; <see cref="UpMask"/> has bit i set when card i is face up.
/// Use <see cref="ForViewer"/> before sending an event to anyone.
/// </summary>
public readonly record struct HandEvent(HandEventKind Kind, int Seat, long Amount, PackedCards Cards, int UpMask, int Index)
{
    /// <summary>
    /// The event as <paramref name="viewerSeat"/> may see it (null = spectator): face-down cards of other seats, burnt
    /// cards and discards of others become <see cref="Card.Unknown"/>.
    /// </summary>
    public HandEvent ForViewer(int? viewerSeat)
    {
        switch (Kind)
        {
            case HandEventKind.HoleCardsDealt:
            case HandEventKind.Discarded:
                return viewerSeat == Seat ? this : this with { Cards = Cards.Mask(UpMask) };
            case HandEventKind.CardBurnt:
                return this with { Cards = Cards.Mask(0) };
            default:
                return this;
        }
    }

    public override string ToString() => $"{Kind} seat={Seat} amount={Amount} cards={Cards} index={Index}";
}
