using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>Pre-generated random deals (fixed seeds, so every run measures the same hands).</summary>
public static class RandomHands
{
    /// <summary><paramref name="count"/> hands of seven distinct cards, flattened: hand i is bytes [7i, 7i + 7).</summary>
    public static byte[] Seven(int count, int seed = 7)
    {
        var random = new Random(seed);
        var hands = new byte[count * 7];
        Span<byte> deck = stackalloc byte[52];
        for (var i = 0; i < count; i++)
        {
            Deal(random, deck, 7);
            deck[..7].CopyTo(hands.AsSpan(i * 7, 7));
        }

        return hands;
    }

    /// <summary><paramref name="count"/> PLO deals: four hole cards and a five-card board, disjoint.</summary>
    public static (ulong[] Holes, ulong[] Boards) Omaha(int count, int seed = 9)
    {
        var random = new Random(seed);
        var holes = new ulong[count];
        var boards = new ulong[count];
        Span<byte> deck = stackalloc byte[52];
        for (var i = 0; i < count; i++)
        {
            Deal(random, deck, 9);
            for (var c = 0; c < 4; c++)
            {
                holes[i] |= new Card(deck[c]).Mask;
            }

            for (var c = 4; c < 9; c++)
            {
                boards[i] |= new Card(deck[c]).Mask;
            }
        }

        return (holes, boards);
    }

    // Partial Fisher-Yates: the first `cards` entries of `deck` become a uniform random deal.
    private static void Deal(Random random, Span<byte> deck, int cards)
    {
        for (var c = 0; c < 52; c++)
        {
            deck[c] = (byte)c;
        }

        for (var c = 0; c < cards; c++)
        {
            var pick = random.Next(c, 52);
            (deck[c], deck[pick]) = (deck[pick], deck[c]);
        }
    }
}
