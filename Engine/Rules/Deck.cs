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

    /// <summary>A production deck: shuffled (Fisher-Yates) with a cryptographically secure generator.</summary>
    public static Deck Shuffled(RandomNumberGenerator rng, int deckSize = 52)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var order = Ordered(deckSize);

        // One call to the generator for the whole deck and the key: 4 random bytes per swap, 8 for the key.
        Span<byte> random = stackalloc byte[(4 * deckSize) + 8];
        rng.GetBytes(random);
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = UniformBelow(rng, random.Slice(4 * i, 4), i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return new Deck(order, BitConverter.ToUInt64(random[^8..]));
    }

    /// <summary>A reproducible deck for tests and benchmarks.</summary>
    public static Deck Seeded(int seed, int deckSize = 52)
    {
        var order = Ordered(deckSize);
        var random = new Random(seed);
        random.Shuffle(order);
        return new Deck(order, (ulong)random.NextInt64());
    }

    /// <summary>Uniform in [0, bound) from the 4 bytes given, drawing again (rarely) when they fall in the biased tail.</summary>
    private static int UniformBelow(RandomNumberGenerator rng, Span<byte> buffer, int bound)
    {
        var limit = uint.MaxValue - (uint.MaxValue % (uint)bound);
        while (true)
        {
            var value = BitConverter.ToUInt32(buffer);
            if (value < limit)
            {
                return (int)(value % (uint)bound);
            }

            rng.GetBytes(buffer);
        }
    }
}
