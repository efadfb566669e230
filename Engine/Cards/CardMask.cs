using System.Numerics;
using System.Text;

namespace Orleans.Poker.Engine.Cards;

/// <summary>
/// Helpers for sets of cards held in a 64-bit mask: bit <see cref="Card.Index"/> is set when the card is in the set.
/// Only the low 52 bits are ever used.
/// </summary>
public static class CardMask
{
    /// <summary>All 52 cards.</summary>
    public const ulong FullDeck = (1UL << 52) - 1;

    /// <summary>The 36-card short deck (sixes to aces).</summary>
    public const ulong ShortDeck = FullDeck & ~((1UL << 16) - 1);

    /// <summary>The set holding the given cards; unknown cards are skipped.</summary>
    public static ulong Of(params ReadOnlySpan<Card> cards)
    {
        var mask = 0UL;
        foreach (var card in cards)
        {
            mask |= card.Mask;
        }

        return mask;
    }

    /// <summary>Parses cards written together (<c>AsKd7h</c>); throws on unknown (<c>??</c>) or repeated cards.</summary>
    public static ulong Parse(ReadOnlySpan<char> text)
    {
        var mask = 0UL;
        foreach (var card in Card.ParseMany(text))
        {
            if (!card.IsKnown)
            {
                throw new FormatException($"'{text}' holds an unknown card");
            }

            if ((mask & card.Mask) != 0)
            {
                throw new FormatException($"'{text}' holds {card} twice");
            }

            mask |= card.Mask;
        }

        return mask;
    }

    /// <summary>Number of cards in the set.</summary>
    public static int Count(ulong mask) => BitOperations.PopCount(mask);

    /// <summary>True when the set holds the card.</summary>
    public static bool Contains(ulong mask, Card card) => (mask & card.Mask) != 0;

    /// <summary>The cards of the set in ascending index order (deuce of clubs first).</summary>
    public static Card[] ToCards(ulong mask)
    {
        var cards = new Card[BitOperations.PopCount(mask)];
        for (var i = 0; mask != 0; i++, mask &= mask - 1)
        {
            cards[i] = new Card((byte)BitOperations.TrailingZeroCount(mask));
        }

        return cards;
    }

    /// <summary>The cards written together, highest first (<c>AsKd7h</c>).</summary>
    public static string ToString(ulong mask)
    {
        var text = new StringBuilder(BitOperations.PopCount(mask) * 2);
        for (var index = 63; index >= 0; index--)
        {
            if ((mask & (1UL << index)) != 0)
            {
                text.Append(new Card((byte)index).ToString());
            }
        }

        return text.ToString();
    }
}
