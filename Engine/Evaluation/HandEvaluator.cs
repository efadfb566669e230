using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// Hand values for every <see cref="HandRanking"/>. A value is an <see cref="int"/> where, within one ranking,
/// higher means stronger and equal means an exact tie; values of different rankings do not compare.
/// Values are dense ordinals of the ranking's distinct hands (not a bit layout): use <see cref="Describe"/> for text.
/// Cards are sets in a 64-bit mask (bit <see cref="Card.Index"/>). Evaluation is table-driven and allocation free:
/// a hand's key is the sum of precomputed per-card keys, one AND finds flushes, two small position tables give the
/// minimal perfect index of the rank multiset and a 16-bit table gives the value (see <see cref="RankMultiset"/>).
/// </summary>
public static class HandEvaluator
{
    private static readonly ushort[] HighValues = RankingTable.For(HandRanking.StandardHigh).Values;
    private static readonly ushort[] HiBases7 = RankMultiset.HiBases[7].Select(b => checked((ushort)b)).ToArray();
    private static readonly ushort[] HighFlushes = RankingTable.For(HandRanking.StandardHigh).Flushes!;

    /// <summary>
    /// Value of the best hand that can be made from <paramref name="cards"/>: best five of up to seven for the high
    /// and low rankings (fewer than five cards are valued by pairs and kickers only, as for stud up cards), best
    /// badugi of up to four cards. Returns 0 only for <see cref="HandRanking.EightOrBetterLow"/> without a
    /// qualifying low; every other ranking returns a positive value.
    /// </summary>
    public static int Evaluate(HandRanking ranking, ulong cards)
    {
        var count = CheckCards(cards, nameof(cards));
        if (ranking == HandRanking.Badugi)
        {
            return count is >= 1 and <= 4
                ? Badugi.Evaluate(cards)
                : throw new ArgumentException($"badugi hands have 1 to 4 cards, not {count}", nameof(cards));
        }

        if (count is < 1 or > RankMultiset.MaxCards)
        {
            throw new ArgumentException($"a hand has 1 to 7 cards, not {count}", nameof(cards));
        }

        var table = RankingTable.For(ranking);
        var key = KeyOf(cards);
        if (table.Flushes is null || (key & RankMultiset.FlushCheck) == 0)
        {
            return table.Values[RankMultiset.IndexOf(key, count)];
        }

        if (count == 5)
        {
            return table.Flushes[(int)(key >> RankMultiset.RankBitsShift) & 0x1FFF];
        }

        if (table.FlushDominates)
        {
            return table.Flushes[SuitRanks(cards, FlushSuit(key))];
        }

        return BestOfFives(table, cards);
    }

    /// <summary>
    /// Omaha rule: the best hand using exactly two of the <paramref name="hole"/> cards (2 to 6) and exactly three of
    /// the <paramref name="board"/> cards (3 to 5). Badugi has no Omaha form.
    /// </summary>
    public static int EvaluateOmaha(HandRanking ranking, ulong hole, ulong board)
    {
        var holeCount = CheckCards(hole, nameof(hole));
        var boardCount = CheckCards(board, nameof(board));
        if (holeCount is < 2 or > 6)
        {
            throw new ArgumentException($"Omaha hole cards are 2 to 6 cards, not {holeCount}", nameof(hole));
        }

        if (boardCount is < 3 or > 5)
        {
            throw new ArgumentException($"an Omaha board has 3 to 5 cards, not {boardCount}", nameof(board));
        }

        if ((hole & board) != 0)
        {
            throw new ArgumentException($"cards {CardMask.ToString(hole & board)} are both in the hole and on the board");
        }

        if (ranking == HandRanking.Badugi)
        {
            throw new ArgumentException("badugi has no Omaha form", nameof(ranking));
        }

        var table = RankingTable.For(ranking);
        Span<ulong> holeKeys = stackalloc ulong[6];
        Span<ulong> boardKeys = stackalloc ulong[5];
        Span<ulong> pairs = stackalloc ulong[15];
        Span<ulong> triples = stackalloc ulong[10];
        var pairCount = Pairs(holeKeys[..CardKeys(hole, holeKeys)], pairs);
        var tripleCount = Triples(boardKeys[..CardKeys(board, boardKeys)], triples);
        var values = table.Values;
        var bases = RankMultiset.HiBases[5];
        var lows = RankMultiset.LoPosition;
        var flushes = BoardCanFlush(board) ? table.Flushes : null;
        var best = 0;
        foreach (var pair in pairs[..pairCount])
        {
            var pairKey = RankMultiset.InitialKey + pair;
            foreach (var triple in triples[..tripleCount])
            {
                var key = pairKey + triple;
                int value = flushes is not null && (key & RankMultiset.FlushCheck) != 0
                    ? flushes[(int)(key >> RankMultiset.RankBitsShift) & 0x1FFF]
                    : values[bases[(int)(key >> RankMultiset.HiShift) & RankMultiset.HiMask] + lows[(int)key & RankMultiset.LoMask]];
                best = Math.Max(best, value);
            }
        }

        return best;
    }

    // An Omaha flush needs three board cards of one suit.
    private static bool BoardCanFlush(ulong board)
    {
        for (var suit = 0; suit < 4; suit++)
        {
            if (BitOperations.PopCount(board & (0x1111111111111UL << suit)) >= 3)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Standard high value of seven distinct cards given by <see cref="Card.Index"/> (0..51); the same value as
    /// <c>Evaluate(HandRanking.StandardHigh, mask)</c>. Allocation free and branch-light, for showdowns and
    /// benchmarks; cards are not validated (out-of-range or repeated cards give a meaningless value, never a fault).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int EvaluateHigh7(int c0, int c1, int c2, int c3, int c4, int c5, int c6)
    {
        ref var keys = ref MemoryMarshal.GetArrayDataReference(RankMultiset.CardKeys);
        var key = RankMultiset.InitialKey
            + Unsafe.Add(ref keys, (nuint)((uint)c0 & 63)) + Unsafe.Add(ref keys, (nuint)((uint)c1 & 63))
            + Unsafe.Add(ref keys, (nuint)((uint)c2 & 63)) + Unsafe.Add(ref keys, (nuint)((uint)c3 & 63))
            + Unsafe.Add(ref keys, (nuint)((uint)c4 & 63)) + Unsafe.Add(ref keys, (nuint)((uint)c5 & 63))
            + Unsafe.Add(ref keys, (nuint)((uint)c6 & 63));
        if ((key & RankMultiset.FlushCheck) != 0)
        {
            return High7Flush(key, c0, c1, c2, c3, c4, c5, c6);
        }

        // Masks keep every index inside its table whatever the input, so no bounds checks are needed.
        var index = (nuint)Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(HiBases7), (nuint)((uint)key >> RankMultiset.HiShift) & RankMultiset.HiMask)
            + Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(RankMultiset.LoPosition), (nuint)(uint)key & RankMultiset.LoMask);
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(HighValues), index & (RankMultiset.TableLength - 1));
    }

    /// <summary>
    /// Human text for a value of the ranking: "Full house, kings over twos", "Eight-low 8-6-4-3-2",
    /// "Three-card badugi 7-4-2", "No qualifying low".
    /// </summary>
    public static string Describe(HandRanking ranking, int value) => HandDescription.Describe(ranking, value);

    /// <summary>A value of the ranking as a kind and ranks, for front ends to put into words ("two pair, Q and 9").</summary>
    public static HandName Name(HandRanking ranking, int value) => HandDescription.Name(ranking, value);

    /// <summary>A hand name in English, as <see cref="Describe"/> writes it.</summary>
    public static string English(HandName name) => HandDescription.English(name);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int High7Flush(ulong key, int c0, int c1, int c2, int c3, int c4, int c5, int c6)
    {
        var suit = FlushSuit(key);
        var ranks = 0;
        ranks |= (c0 & 3) == suit ? 1 << ((c0 >> 2) & 15) : 0;
        ranks |= (c1 & 3) == suit ? 1 << ((c1 >> 2) & 15) : 0;
        ranks |= (c2 & 3) == suit ? 1 << ((c2 >> 2) & 15) : 0;
        ranks |= (c3 & 3) == suit ? 1 << ((c3 >> 2) & 15) : 0;
        ranks |= (c4 & 3) == suit ? 1 << ((c4 >> 2) & 15) : 0;
        ranks |= (c5 & 3) == suit ? 1 << ((c5 >> 2) & 15) : 0;
        ranks |= (c6 & 3) == suit ? 1 << ((c6 >> 2) & 15) : 0;
        return HighFlushes[ranks & 0x1FFF];
    }

    private static int FlushSuit(ulong key) =>
        BitOperations.TrailingZeroCount((key & RankMultiset.FlushCheck) >> RankMultiset.SuitShift) >> 2;

    private static int SuitRanks(ulong cards, int suit)
    {
        var ranks = 0;
        for (var bits = (cards >> suit) & 0x1111111111111UL; bits != 0; bits &= bits - 1)
        {
            ranks |= 1 << (BitOperations.TrailingZeroCount(bits) >> 2);
        }

        return ranks;
    }

    private static ulong KeyOf(ulong cards)
    {
        var key = RankMultiset.InitialKey;
        for (; cards != 0; cards &= cards - 1)
        {
            key += RankMultiset.CardKeys[BitOperations.TrailingZeroCount(cards)];
        }

        return key;
    }

    // Six or seven cards where suits matter but a flush is not automatically best (deuce-to-seven): every five,
    // as all the cards minus one (six) or minus a pair (seven).
    private static int BestOfFives(RankingTable table, ulong cards)
    {
        Span<ulong> keys = stackalloc ulong[7];
        Span<ulong> dropped = stackalloc ulong[21];
        var n = CardKeys(cards, keys);
        keys = keys[..n];
        var total = RankMultiset.InitialKey;
        foreach (var key in keys)
        {
            total += key;
        }

        if (n == 6)
        {
            keys.CopyTo(dropped);
        }

        var count = n == 6 ? 6 : Pairs(keys, dropped);
        var best = 0;
        foreach (var drop in dropped[..count])
        {
            var key = total - drop;
            var value = (key & RankMultiset.FlushCheck) != 0
                ? table.Flushes![(int)(key >> RankMultiset.RankBitsShift) & 0x1FFF]
                : table.Values[RankMultiset.IndexOf(key, 5)];
            best = Math.Max(best, value);
        }

        return best;
    }

    private static int CardKeys(ulong cards, Span<ulong> keys)
    {
        var n = 0;
        for (; cards != 0; cards &= cards - 1)
        {
            keys[n++] = RankMultiset.CardKeys[BitOperations.TrailingZeroCount(cards)];
        }

        return n;
    }

    private static int Pairs(ReadOnlySpan<ulong> keys, Span<ulong> pairs)
    {
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            for (var j = i + 1; j < keys.Length; j++)
            {
                pairs[n++] = keys[i] + keys[j];
            }
        }

        return n;
    }

    private static int Triples(ReadOnlySpan<ulong> keys, Span<ulong> triples)
    {
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            for (var j = i + 1; j < keys.Length; j++)
            {
                for (var k = j + 1; k < keys.Length; k++)
                {
                    triples[n++] = keys[i] + keys[j] + keys[k];
                }
            }
        }

        return n;
    }

    private static int CheckCards(ulong cards, string name) =>
        (cards & ~CardMask.FullDeck) == 0
            ? BitOperations.PopCount(cards)
            : throw new ArgumentException($"bits above 51 are not cards: 0x{cards:X}", name);
}
