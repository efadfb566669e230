namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// One street of a variant: what is dealt (hole cards with their face-up flags, board cards, or a draw),
/// whether a card is burnt first, who opens the betting and which bet size applies in fixed limit.
/// </summary>
/// <param name="Name">Display name (preflop, flop, third street, first draw...).</param>
/// <param name="Burn">Whether a card is burnt before dealing.</param>
/// <param name="HoleCardsUp">One entry per hole card dealt to each player: true = face up.</param>
/// <param name="BoardCards">Community cards dealt.</param>
/// <param name="Draw">Whether players discard and draw before the betting.</param>
/// <param name="Opening">Who opens the betting.</param>
/// <param name="BigBet">Fixed limit: the big bet applies (otherwise the small bet).</param>
public sealed record Street(string Name, bool Burn, IReadOnlyList<bool> HoleCardsUp, int BoardCards, bool Draw, Opening Opening, bool BigBet);
