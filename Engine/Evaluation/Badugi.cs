using System.Numerics;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// Badugi values: the best subset of cards with distinct ranks and distinct suits, aces low. More cards beat fewer;
/// among equal sizes the lower highest card wins, then the next. Value = <c>size &lt;&lt; 16 | (0xFFFF - ranks)</c>
/// where <c>ranks</c> packs the subset's ranks (ace 1 .. king 13) highest first, 4 bits each.
/// </summary>
internal static class Badugi
{
    public const int SizeShift = 16;

    public static int Evaluate(ulong cards)
    {
        Span<int> ranks = stackalloc int[4];
        Span<int> suits = stackalloc int[4];
        var n = 0;
        for (; cards != 0; cards &= cards - 1)
        {
            var index = BitOperations.TrailingZeroCount(cards);
            ranks[n] = ((index >> 2) + 1) % 13 + 1;
            suits[n] = index & 3;
            n++;
        }

        var best = 0;
        for (var subset = 1; subset < 1 << n; subset++)
        {
            var rankBits = 0;
            var suitBits = 0;
            var valid = true;
            for (var i = 0; i < n && valid; i++)
            {
                if ((subset & (1 << i)) == 0)
                {
                    continue;
                }

                valid = (rankBits & (1 << ranks[i])) == 0 && (suitBits & (1 << suits[i])) == 0;
                rankBits |= 1 << ranks[i];
                suitBits |= 1 << suits[i];
            }

            if (valid)
            {
                best = Math.Max(best, ValueOf(rankBits));
            }
        }

        return best;
    }

    /// <summary>Ranks (ace 1 .. king 13) of a value, highest first.</summary>
    public static int[] RanksOf(int value)
    {
        var size = value >> SizeShift;
        var packed = 0xFFFF - (value & 0xFFFF);
        var ranks = new int[size];
        for (var i = 0; i < size; i++)
        {
            ranks[i] = (packed >> (12 - (4 * i))) & 15;
        }

        return ranks;
    }

    private static int ValueOf(int rankBits)
    {
        var packed = 0;
        var size = 0;
        for (var rank = 13; rank >= 1; rank--)
        {
            if ((rankBits & (1 << rank)) != 0)
            {
                packed |= rank << (12 - (4 * size));
                size++;
            }
        }

        return (size << SizeShift) | (0xFFFF - packed);
    }
}
