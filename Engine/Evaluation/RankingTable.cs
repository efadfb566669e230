using System.Numerics;
using System.Runtime.CompilerServices;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// Lookup tables of one ranking: the value of every rank multiset (best five of up to seven, ignoring suits) and,
/// for rankings where suits matter, the value of every suited rank mask with five or more cards.
/// </summary>
/// <remarks>
/// Tables are built with descriptive values (<see cref="HighHand"/>), then every distinct value is replaced by its
/// ordinal (1 = weakest; 0 stays "no hand") so the tables are 16-bit and small enough to stay in cache.
/// <see cref="Decode"/> turns an ordinal back into the descriptive value for <see cref="HandDescription"/>.
/// </remarks>
internal sealed class RankingTable
{
    private const int RankMaskCount = 1 << 13;

    private static readonly Lazy<RankingTable>[] Tables =
        Enum.GetValues<HandRanking>().Select(r => new Lazy<RankingTable>(() => Build(r))).ToArray();

    private readonly int[] descriptive;

    private RankingTable(HandRanking ranking, int[] values, int[]? flushes)
    {
        Ranking = ranking;
        (descriptive, Values, Flushes) = ToOrdinals(ranking, values, flushes);
    }

    public HandRanking Ranking { get; }

    /// <summary>Value by multiset index; <see cref="RankMultiset.TableLength"/> entries.</summary>
    public ushort[] Values { get; }

    /// <summary>Value by rank mask of a suit holding five or more cards, or null when flushes do not matter.</summary>
    public ushort[]? Flushes { get; }

    /// <summary>
    /// True when a flush found among six or seven cards is also the best hand (high rankings). Deuce-to-seven
    /// low with more than five cards must look at the five-card subsets instead.
    /// </summary>
    public bool FlushDominates => Ranking is HandRanking.StandardHigh or HandRanking.ShortDeckHigh;

    // Replaces each descriptive value by its position among the distinct values (0 stays 0: "no hand").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Descriptive, ushort[] Values, ushort[]? Flushes) ToOrdinals(HandRanking ranking, int[] values, int[]? flushes)
    {
        var all = new int[values.Length + (flushes?.Length ?? 0) + 1];
        values.CopyTo(all, 0);
        flushes?.CopyTo(all, values.Length);
        Array.Sort(all);
        var distinct = 1;
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i] != all[distinct - 1])
            {
                all[distinct++] = all[i];
            }
        }

        if (distinct > ushort.MaxValue)
        {
            throw new InvalidOperationException($"{ranking} has too many distinct values for 16-bit tables");
        }

        var descriptive = all[..distinct];
        return (descriptive, Map(values), flushes is null ? null : Map(flushes));

        ushort[] Map(int[] source)
        {
            var mapped = new ushort[source.Length];
            for (var i = 0; i < source.Length; i++)
            {
                mapped[i] = (ushort)Array.BinarySearch(descriptive, source[i]);
            }

            return mapped;
        }
    }

    public static RankingTable For(HandRanking ranking) => Tables[(int)ranking].Value;

    /// <summary>The descriptive value (<see cref="HighHand"/> layout) of an ordinal value of this ranking.</summary>
    public int Decode(int ordinal) =>
        (uint)ordinal < (uint)descriptive.Length
            ? descriptive[ordinal]
            : throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"not a {Ranking} hand value");

    // Runs once while tables are built: optimise right away instead of interpreting-speed tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RankingTable Build(HandRanking ranking)
    {
        if (ranking == HandRanking.Badugi || !Enum.IsDefined(ranking))
        {
            throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "no multiset table for this ranking");
        }

        var values = new int[RankMultiset.TableLength];
        Span<int> counts = stackalloc int[13];
        foreach (var index in RankMultiset.BySize)
        {
            var packed = RankMultiset.Counts[index];
            var size = RankMultiset.SizeOf(packed);
            if (size == 0)
            {
                continue;
            }

            if (size <= 5)
            {
                for (var rank = 0; rank < 13; rank++)
                {
                    counts[rank] = RankMultiset.CountOf(packed, rank);
                }

                values[index] = FiveOrFewer(ranking, counts, size);
                continue;
            }

            // Best five of six or seven: the best hand after dropping one card, over every rank that can go.
            var key = RankMultiset.KeyOf(packed);
            var best = 0;
            for (var rank = 0; rank < 13; rank++)
            {
                if (RankMultiset.CountOf(packed, rank) > 0)
                {
                    best = Math.Max(best, values[RankMultiset.IndexOf(key - RankMultiset.RankKeys[rank], size - 1)]);
                }
            }

            values[index] = best;
        }

        return new RankingTable(ranking, values, BuildFlushes(ranking));
    }

    // Runs once while tables are built: optimise right away instead of interpreting-speed tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[]? BuildFlushes(HandRanking ranking)
    {
        if (ranking is HandRanking.AceToFiveLow or HandRanking.EightOrBetterLow)
        {
            return null;
        }

        var flushes = new int[RankMaskCount];
        Span<int> counts = stackalloc int[13];
        for (var mask = 0; mask < RankMaskCount; mask++)
        {
            var size = BitOperations.PopCount((uint)mask);
            if (size < 5)
            {
                continue;
            }

            flushes[mask] = ranking switch
            {
                HandRanking.StandardHigh => HighHand.EncodeFlush(mask, StraightRule.Standard, HighHand.StandardOrder),
                HandRanking.ShortDeckHigh => HighHand.EncodeFlush(mask, StraightRule.ShortDeck, HighHand.ShortDeckOrder),
                _ when size == 5 => HighHand.LowBase - Encode(counts, mask, StraightRule.AceHighOnly),
                _ => 0,
            };
        }

        return flushes;

        int Encode(Span<int> c, int mask, StraightRule rule)
        {
            for (var rank = 0; rank < 13; rank++)
            {
                c[rank] = (mask >> rank) & 1;
            }

            return HighHand.Encode(c, rule, flush: true, HighHand.StandardOrder);
        }
    }

    private static int FiveOrFewer(HandRanking ranking, Span<int> counts, int size)
    {
        switch (ranking)
        {
            case HandRanking.StandardHigh:
                return HighHand.Encode(counts, StraightRule.Standard, flush: false, HighHand.StandardOrder);
            case HandRanking.ShortDeckHigh:
                return HighHand.Encode(counts, StraightRule.ShortDeck, flush: false, HighHand.ShortDeckOrder);
            case HandRanking.DeuceToSevenLow:
                return HighHand.LowBase - HighHand.Encode(counts, StraightRule.AceHighOnly, flush: false, HighHand.StandardOrder);
        }

        // Ace-to-five: ranks become ace 1, deuce 2 .. king 13 (0 stays free as the padding of short hands);
        // straights and flushes do not count.
        Span<int> aceLow = stackalloc int[14];
        aceLow[1] = counts[12];
        counts[..12].CopyTo(aceLow[2..]);
        var value = HighHand.LowBase - HighHand.Encode(aceLow, StraightRule.None, flush: false, HighHand.StandardOrder);
        if (ranking == HandRanking.AceToFiveLow)
        {
            return value;
        }

        // Eight or better: five distinct ranks, none above the eight (ace-low rank 8).
        var qualifies = size == 5;
        for (var rank = 1; rank < aceLow.Length && qualifies; rank++)
        {
            qualifies = aceLow[rank] == 0 || (aceLow[rank] == 1 && rank <= 8);
        }

        return qualifies ? value : 0;
    }
}
