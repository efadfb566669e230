using System.Text;
using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

/// <summary>Up to eight cards in order, packed in one word (no allocation per event).</summary>
public readonly record struct PackedCards(ulong Bits, int Count)
{
    public const int Capacity = 8;

    public static PackedCards Empty => default;

    public Card this[int index] => new((byte)((Bits >> (index * 8)) & 0xFF));

    public PackedCards Add(Card card) =>
        Count >= Capacity ? throw new InvalidOperationException("too many cards") : new(Bits | ((ulong)card.Index << (Count * 8)), Count + 1);

    public static PackedCards From(ReadOnlySpan<Card> cards)
    {
        var packed = default(PackedCards);
        foreach (var card in cards)
        {
            packed = packed.Add(card);
        }

        return packed;
    }

    public Card[] ToArray()
    {
        var result = new Card[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = this[i];
        }

        return result;
    }

    /// <summary>The same cards with those whose bit is clear in <paramref name="visible"/> replaced by <see cref="Card.Unknown"/>.</summary>
    public PackedCards Mask(int visible)
    {
        var result = default(PackedCards);
        for (var i = 0; i < Count; i++)
        {
            result = result.Add((visible & (1 << i)) != 0 ? this[i] : Card.Unknown);
        }

        return result;
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Count * 2);
        for (var i = 0; i < Count; i++)
        {
            builder.Append(this[i].ToString());
        }

        return builder.ToString();
    }
}
