namespace Orleans.Poker.Engine.Rules;

/// <summary>One seat as a viewer sees it: hidden cards are <see cref="Cards.Card.Unknown"/>.</summary>
public sealed record SeatView(int Seat, long Stack, long Bet, bool Folded, bool AllIn, PackedCards Cards, int UpMask);
