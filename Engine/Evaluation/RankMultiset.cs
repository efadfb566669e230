using System.Runtime.CompilerServices;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// The additive card keys and the minimal perfect index of rank multisets (at most 7 cards, at most 4 per rank).
/// </summary>
/// <remarks>
/// A card key is the sum of four fields, so the key of a hand is the plain sum of its cards' keys:
/// <list type="bullet">
/// <item>bits 0..16: the code of ranks deuce..eight, <c>sum of count * Weights[rank]</c>;</item>
/// <item>bits 17..30: the code of ranks nine..ace, <c>sum of count * Weights[rank - 7]</c>;</item>
/// <item>bits 32..47: one 4-bit counter per suit, started at 3 by <see cref="InitialKey"/>, so bit 3 of a counter is
/// set exactly when five or more cards share that suit (the flush test is one AND);</item>
/// <item>bits 48..63: the sum of <c>1 &lt;&lt; rank</c>, which is the rank mask whenever the ranks are distinct
/// (a five-card flush).</item>
/// </list>
/// The index of a multiset of n cards is <c>HiBases[n][hi] + LoPosition[lo]</c>: low multisets are numbered within
/// their size, and each high multiset of size s reserves a block for the low multisets of size n - s.
/// </remarks>
internal static class RankMultiset
{
    public const int MaxCards = 7;
    public const int LoRanks = 7;
    public const int LoMask = (1 << 17) - 1;
    public const int HiShift = 17;
    public const int HiMask = (1 << 14) - 1;
    public const int SuitShift = 32;
    public const int RankBitsShift = 48;
    public const ulong InitialKey = 0x3333UL << SuitShift;
    public const ulong FlushCheck = 0x8888UL << SuitShift;

    /// <summary>
    /// Per-rank weights of the half codes: every multiset of at most 7 cards (at most 4 per rank) over 7 ranks has
    /// its own weighted sum, and the sums stay small (below 43,718; 10,552 over 6 ranks) so the position tables are
    /// compact. Found by a greedy search (each weight the smallest that keeps the sums distinct); the static
    /// constructor checks the property again.
    /// </summary>
    private static readonly ulong[] Weights = [1, 5, 24, 112, 521, 2247, 9244];

    /// <summary>Key per card index; 64 entries (52 used) so that <c>index &amp; 63</c> is always in range.</summary>
    public static readonly ulong[] CardKeys = new ulong[64];

    /// <summary>Rank part of the key per rank (no suit, no rank bit).</summary>
    public static readonly ulong[] RankKeys = new ulong[13];

    public static readonly ushort[] LoPosition = new ushort[LoMask + 1];

    /// <summary>Base index by number of cards, then by the high part of the key.</summary>
    public static readonly int[][] HiBases = new int[MaxCards + 1][];

    /// <summary>Number of multisets; every index is below this.</summary>
    public static readonly int Count;

    /// <summary>Rank counts of each multiset, 3 bits per rank, by index.</summary>
    public static readonly ulong[] Counts;

    /// <summary>Multiset indexes ordered by size (smaller first), for building tables bottom-up.</summary>
    public static readonly int[] BySize;

    /// <summary>Table length for lookups: indexes are masked with <c>TableLength - 1</c>.</summary>
    public const int TableLength = 1 << 17;

    static RankMultiset()
    {
        for (var rank = 0; rank < 13; rank++)
        {
            RankKeys[rank] = rank < LoRanks ? Weights[rank] : Weights[rank - LoRanks] << HiShift;
        }

        for (var index = 0; index < 52; index++)
        {
            var rank = index >> 2;
            var suit = index & 3;
            CardKeys[index] = RankKeys[rank] + (1UL << (SuitShift + (4 * suit))) + (1UL << (RankBitsShift + rank));
        }

        var lo = new Multisets(0, LoRanks);
        var blockStart = new int[MaxCards + 2];
        foreach (var size in lo.Sizes)
        {
            blockStart[size + 1]++;
        }

        for (var size = 1; size <= MaxCards + 1; size++)
        {
            blockStart[size] += blockStart[size - 1];
        }

        var position = 0;
        foreach (var i in lo.OrderBySize())
        {
            LoPosition[lo.Codes[i]] = checked((ushort)(position++ - blockStart[lo.Sizes[i]]));
        }

        // Seven-card hands first, so that the hot tables start at index 0 and stay compact.
        var hi = new Multisets(LoRanks, 13);
        var next = 0;
        for (var total = MaxCards; total >= 0; total--)
        {
            var bases = HiBases[total] = new int[HiMask + 1];
            for (var i = 0; i < hi.Codes.Count; i++)
            {
                var size = hi.Sizes[i];
                if (size <= total)
                {
                    bases[hi.Codes[i]] = next;
                    next += blockStart[total - size + 1] - blockStart[total - size];
                }
            }
        }

        Count = next;
        if (Count > TableLength)
        {
            throw new InvalidOperationException("rank multiset index does not fit the lookup tables");
        }

        (Counts, BySize) = IndexAll();
    }

    // Rank counts of every multiset by index, and the indexes ordered by multiset size.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong[] Counts, int[] BySize) IndexAll()
    {
        var counts = new ulong[Count];
        var bySize = new int[Count];
        var all = new Multisets(0, 13);
        var position = 0;
        foreach (var i in all.OrderBySize())
        {
            var packed = all.Packed[i];
            var index = IndexOf(KeyOf(packed), all.Sizes[i]);
            counts[index] = packed;
            bySize[position++] = index;
        }

        return (counts, bySize);
    }

    /// <summary>Index of the multiset with this key and this number of cards (0..7).</summary>
    public static int IndexOf(ulong key, int size) => HiBases[size][(int)(key >> HiShift) & HiMask] + LoPosition[(int)key & LoMask];

    public static int CountOf(ulong counts, int rank) => (int)(counts >> (3 * rank)) & 7;

    public static int SizeOf(ulong counts)
    {
        var size = 0;
        for (var rank = 0; rank < 13; rank++)
        {
            size += CountOf(counts, rank);
        }

        return size;
    }

    /// <summary>Key (rank part only) of a multiset given as packed counts.</summary>
    public static ulong KeyOf(ulong counts)
    {
        var key = 0UL;
        for (var rank = 0; rank < 13; rank++)
        {
            key += RankKeys[rank] * (ulong)CountOf(counts, rank);
        }

        return key;
    }

    /// <summary>
    /// Every multiset of ranks [from, to) with at most <see cref="MaxCards"/> cards and at most 4 per rank:
    /// Codes = weighted sum of the counts (weights from rank <c>from</c>; only for halves of at most 7 ranks),
    /// Packed = 3 bits per absolute rank.
    /// </summary>
    private sealed class Multisets
    {
        private readonly int from;
        private readonly int to;

        // Runs once while tables are built: optimise right away instead of running slow tier-0 code.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Multisets(int from, int to)
        {
            this.to = to;
            this.from = from;
            Visit(from, 0, 0, 0);
            var seen = new bool[LoMask + 1];
            foreach (var code in to - from <= Weights.Length ? Codes : [])
            {
                if (code > LoMask || seen[code])
                {
                    throw new InvalidOperationException($"rank weights do not give distinct codes for ranks {from}..{to - 1}");
                }

                seen[code] = true;
            }
        }

        public List<int> Codes { get; } = [];

        public List<int> Sizes { get; } = [];

        public List<ulong> Packed { get; } = [];

        /// <summary>Positions in the lists ordered by size, smaller first (counting sort; sizes are 0..7).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int[] OrderBySize()
        {
            var order = new int[Sizes.Count];
            var next = 0;
            for (var size = 0; size <= MaxCards; size++)
            {
                for (var i = 0; i < Sizes.Count; i++)
                {
                    if (Sizes[i] == size)
                    {
                        order[next++] = i;
                    }
                }
            }

            return order;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Visit(int rank, int code, int total, ulong counts)
        {
            if (rank == to)
            {
                Codes.Add(code);
                Sizes.Add(total);
                Packed.Add(counts);
                return;
            }

            for (var count = 0; count <= 4 && total + count <= MaxCards; count++)
            {
                var weight = rank - from < Weights.Length ? (int)Weights[rank - from] : 0;
                Visit(rank + 1, code + (count * weight), total + count, counts | ((ulong)count << (3 * rank)));
            }
        }
    }
}
