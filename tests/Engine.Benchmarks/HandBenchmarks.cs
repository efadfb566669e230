using BenchmarkDotNet.Attributes;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>
/// BenchmarkDotNet break-down of <c>hands_nt6</c> (run with <c>--filter *HandBenchmarks*</c>); one operation = one hand.
/// <see cref="CompleteHand"/> is the quick figure's work; <see cref="CreateHand"/> (blinds and hole cards dealt, no
/// action), <see cref="AllFold"/> and <see cref="CheckDown"/> (every seat checks or calls to the showdown) isolate
/// the cost of starting a hand, of the betting path without a showdown and of a full showdown.
/// </summary>
[MemoryDiagnoser]
public class HandBenchmarks
{
    private const int Hands = 4_096;
    private readonly Deck[] decks = new Deck[Hands];
    private HandConfig config = null!;
    private ulong state;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Hands; i++)
        {
            decks[i] = Deck.Seeded(i);
        }

        config = HandConfig.NoLimitHoldem([200, 200, 200, 200, 200, 200], 1, 2);
        state = 0x2545F4914F6CDD1DUL;
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long CompleteHand()
    {
        long showdowns = 0;
        return HandsBenchmark.PlayHands(config, decks, Hands, ref state, ref showdowns) + showdowns;
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long CreateHand()
    {
        long sum = 0;
        for (var h = 0; h < Hands; h++)
        {
            sum += new Hand(config, decks[h]).Events.Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long AllFold()
    {
        long sum = 0;
        for (var h = 0; h < Hands; h++)
        {
            var hand = new Hand(config, decks[h]);
            while (!hand.IsOver)
            {
                var legal = hand.GetLegalActions();
                hand.Apply(legal.CanFold ? PlayerAction.Fold(legal.Seat) : PlayerAction.CheckOrCall(legal.Seat));
            }

            sum += hand.Events.Count;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long CheckDown()
    {
        long sum = 0;
        for (var h = 0; h < Hands; h++)
        {
            var hand = new Hand(config, decks[h]);
            while (!hand.IsOver)
            {
                hand.Apply(PlayerAction.CheckOrCall(hand.GetLegalActions().Seat));
            }

            sum += hand.Events.Count;
        }

        return sum;
    }
}
