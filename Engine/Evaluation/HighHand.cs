using System.Runtime.CompilerServices;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// The value of a hand of at most five cards read as a high hand: <c>strength &lt;&lt; 20</c> then up to five 4-bit
/// rank fields, most significant first (group ranks by size then rank; a straight keeps only its top card).
/// The strength of a category comes from a per-ranking order, so short deck can put flushes above full houses.
/// </summary>
internal static class HighHand
{
    public const int StrengthShift = 20;
    public const int FieldMask = (1 << StrengthShift) - 1;

    /// <summary>Low values are stored as <c>LowBase - high value</c>: lower high hand = stronger low.</summary>
    public const int LowBase = 1 << 24;

    public static readonly HandCategory[] StandardOrder =
    [
        HandCategory.HighCard, HandCategory.Pair, HandCategory.TwoPair, HandCategory.ThreeOfAKind, HandCategory.Straight,
        HandCategory.Flush, HandCategory.FullHouse, HandCategory.FourOfAKind, HandCategory.StraightFlush,
    ];

    public static readonly HandCategory[] ShortDeckOrder =
    [
        HandCategory.HighCard, HandCategory.Pair, HandCategory.TwoPair, HandCategory.ThreeOfAKind, HandCategory.Straight,
        HandCategory.FullHouse, HandCategory.Flush, HandCategory.FourOfAKind, HandCategory.StraightFlush,
    ];

    public static int Strength(HandCategory[] order, HandCategory category) => Array.IndexOf(order, category) + 1;

    public static HandCategory CategoryOf(HandCategory[] order, int value) => order[(value >> StrengthShift) - 1];

    /// <summary>The rank in field <paramref name="field"/> (0 = most significant).</summary>
    public static int Field(int value, int field) => (value >> (16 - (4 * field))) & 15;

    /// <summary>Top card of the straight in a rank mask, or -1.</summary>
    public static int StraightTop(int rankMask, StraightRule rule)
    {
        if (rule == StraightRule.None)
        {
            return -1;
        }

        for (var top = 12; top >= 4; top--)
        {
            if (((rankMask >> (top - 4)) & 0x1F) == 0x1F)
            {
                return top;
            }
        }

        const int ace = 1 << 12;
        return rule switch
        {
            StraightRule.Standard when (rankMask & (ace | 0xF)) == (ace | 0xF) => 3,
            StraightRule.ShortDeck when (rankMask & (ace | 0xF0)) == (ace | 0xF0) => 7,
            _ => -1,
        };
    }

    /// <summary>Value of at most five cards given by their rank counts (index 0 = lowest rank).</summary>
    // Runs once while tables are built: optimise right away instead of interpreting-speed tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<int> counts, StraightRule rule, bool flush, HandCategory[] order)
    {
        Span<int> fields = stackalloc int[5];
        var fieldCount = 0;
        var distinct = 0;
        var rankMask = 0;
        var most = 0;
        var pairs = 0;
        for (var count = 4; count >= 1; count--)
        {
            for (var rank = counts.Length - 1; rank >= 0; rank--)
            {
                if (counts[rank] != count)
                {
                    continue;
                }

                fields[fieldCount++] = rank;
                distinct++;
                rankMask |= 1 << rank;
                most = Math.Max(most, count);
                pairs += count == 2 ? 1 : 0;
            }
        }

        HandCategory category;
        if (distinct == 5)
        {
            var top = StraightTop(rankMask, rule);
            if (top >= 0)
            {
                category = flush ? HandCategory.StraightFlush : HandCategory.Straight;
                fields.Clear();
                fields[0] = top;
            }
            else
            {
                category = flush ? HandCategory.Flush : HandCategory.HighCard;
            }
        }
        else
        {
            category = most switch
            {
                4 => HandCategory.FourOfAKind,
                3 when pairs > 0 => HandCategory.FullHouse,
                3 => HandCategory.ThreeOfAKind,
                2 when pairs > 1 => HandCategory.TwoPair,
                2 => HandCategory.Pair,
                _ => HandCategory.HighCard,
            };
        }

        var value = Strength(order, category);
        for (var i = 0; i < 5; i++)
        {
            value = (value << 4) | fields[i];
        }

        return value;
    }

    /// <summary>Best flush or straight flush in a suit holding the ranks of <paramref name="rankMask"/> (5+ bits).</summary>
    public static int EncodeFlush(int rankMask, StraightRule rule, HandCategory[] order)
    {
        var top = StraightTop(rankMask, rule);
        if (top >= 0)
        {
            return (Strength(order, HandCategory.StraightFlush) << StrengthShift) | (top << 16);
        }

        var value = Strength(order, HandCategory.Flush);
        var taken = 0;
        for (var rank = 12; rank >= 0 && taken < 5; rank--)
        {
            if ((rankMask & (1 << rank)) != 0)
            {
                value = (value << 4) | rank;
                taken++;
            }
        }

        return value;
    }
}
