using System.Diagnostics;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>
/// <c>hands_nt6</c>: complete 6-handed no-limit hold'em hands per second on one thread, automatic dealing from
/// seeded decks, random legal actions biased towards checks and calls so that many hands reach showdown.
/// </summary>
public static class HandsBenchmark
{
    private const int DeckCount = 4096;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<QuickFigure> All =>
    [
        new("hands_nt6", "hands/s", MeasureHands),
    ];

    public static double MeasureHands()
    {
        var decks = new Deck[DeckCount];
        for (var i = 0; i < DeckCount; i++)
        {
            decks[i] = Deck.Seeded(i);
        }

        var config = HandConfig.NoLimitHoldem([200, 200, 200, 200, 200, 200], 1, 2);
        var state = 0x2545F4914F6CDD1DUL;
        long showdowns = 0;
        PlayHands(config, decks, 2_000, ref state, ref showdowns);
        var watch = Stopwatch.StartNew();
        long hands = 0;
        while (watch.Elapsed < Budget)
        {
            hands += PlayHands(config, decks, 5_000, ref state, ref showdowns);
        }

        return hands / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Plays <paramref name="count"/> complete hands; returns the count.</summary>
    public static int PlayHands(HandConfig config, Deck[] decks, int count, ref ulong state, ref long showdowns)
    {
        for (var h = 0; h < count; h++)
        {
            var hand = new Hand(config, decks[(int)(Next(ref state) % (ulong)decks.Length)]);
            while (!hand.IsOver)
            {
                var legal = hand.GetLegalActions();
                var roll = (int)(Next(ref state) % 100);
                PlayerAction action;
                if (legal.CanBetOrRaise && roll < 12)
                {
                    var amount = roll < 2 ? legal.MaxRaiseTo : legal.MinRaiseTo;
                    action = PlayerAction.RaiseTo(legal.Seat, amount);
                }
                else if (legal.CanFold && roll >= 88)
                {
                    action = PlayerAction.Fold(legal.Seat);
                }
                else
                {
                    action = PlayerAction.CheckOrCall(legal.Seat);
                }

                if (!hand.TryApply(action, out var error))
                {
                    throw new InvalidOperationException($"benchmark chose an illegal action {action}: {error}");
                }
            }

            if (hand.ActiveCount > 1)
            {
                showdowns++;
            }
        }

        return count;
    }

    private static ulong Next(ref ulong state)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
}
