using System.Numerics;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Tests.Evaluation;

/// <summary>Helpers for evaluator tests: parse-and-evaluate, random deals and brute-force references.</summary>
internal static class Hands
{
    public static int Value(HandRanking ranking, string cards) => HandEvaluator.Evaluate(ranking, CardMask.Parse(cards));

    public static string Describe(HandRanking ranking, string cards) => HandEvaluator.Describe(ranking, Value(ranking, cards));

    /// <summary>A random set of <paramref name="count"/> distinct cards drawn from <paramref name="deck"/>.</summary>
    public static ulong Deal(Random random, int count, ulong deck = CardMask.FullDeck)
    {
        var cards = CardMask.ToCards(deck);
        var mask = 0UL;
        while (BitOperations.PopCount(mask) < count)
        {
            mask |= cards[random.Next(cards.Length)].Mask;
        }

        return mask;
    }

    /// <summary>Every subset of <paramref name="cards"/> with exactly <paramref name="size"/> cards.</summary>
    public static IEnumerable<ulong> Subsets(ulong cards, int size)
    {
        var list = CardMask.ToCards(cards);
        for (var bits = 0; bits < 1 << list.Length; bits++)
        {
            if (BitOperations.PopCount((uint)bits) != size)
            {
                continue;
            }

            var subset = 0UL;
            for (var i = 0; i < list.Length; i++)
            {
                subset |= (bits >> i & 1) != 0 ? list[i].Mask : 0;
            }

            yield return subset;
        }
    }
}
