using System.Security.Cryptography;
using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// The order in which cards come off the deck, plus a key that orders the reshuffle of burnt, mucked and
/// discarded cards when a draw or stud hand runs out of cards. Together they make the hand deterministic.
/// </summary>
public sealed class Deck
{
    private readonly Card[] cards;

    public Deck(IReadOnlyList<Card> cards, ulong reshuffleKey = 0)
    {
        ArgumentNullException.ThrowIfNull(cards);
        this.cards = cards.ToArray();
        ReshuffleKey = reshuffleKey;
        ulong seen = 0;
        foreach (var card in this.cards)
        {
            if (!card.IsKnown || (seen & card.Mask) != 0)
            {
                throw new ArgumentException("a deck holds distinct known cards", nameof(cards));
            }

            seen |= card.Mask;
        }
    }

    public IReadOnlyList<Card> Cards => cards;

    public ulong ReshuffleKey { get; }

    public int Count => cards.Length;

    public Card this[int index] => cards[index];

    /// <summary>The order itself, for the hand to read without copying; never written.</summary>
    internal Card[] Order => cards;

    /// <summary>The unshuffled deck of a size: 52, or 36 (six through ace).</summary>
    public static Card[] Ordered(int deckSize)
    {
        var lowest = deckSize == 36 ? 4 : 0;
        var result = new Card[(13 - lowest) * 4];
        var k = 0;
        for (var rank = lowest; rank < 13; rank++)
        {
            for (var suit = 0; suit < 4; suit++)
            {
                result[k++] = new Card(rank, suit);
            }
        }

        return result;
    }

    /// <summary>A production deck: shuffled with a cryptographically secure generator.</summary>
    public static Deck Shuffled(RandomNumberGenerator rng, int deckSize = 52)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var order = Ordered(deckSize);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = UniformBelow(rng, buffer, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        Span<byte> key = stackalloc byte[8];
        rng.GetBytes(key);
        return new Deck(order, BitConverter.ToUInt64(key));
    }

    /// <summary>A reproducible deck for tests and benchmarks.</summary>
    public static Deck Seeded(int seed, int deckSize = 52)
    {
        var order = Ordered(deckSize);
        var random = new Random(seed);
        random.Shuffle(order);
        return new Deck(order, (ulong)random.NextInt64());
    }

    private static int UniformBelow(RandomNumberGenerator rng, Span<byte> buffer, int bound)
    {
        var limit = uint.MaxValue - (uint.MaxValue % (uint)bound);
        while (true)
        {
            rng.GetBytes(buffer);
            var value = BitConverter.ToUInt32(buffer);
            if (value < limit)
            {
                return (int)(value % (uint)bound);
            }
        }
    }
}
