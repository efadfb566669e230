using BenchmarkDotNet.Attributes;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>BenchmarkDotNet version of the evaluation figures; one operation = one hand evaluated.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Hands = 100_000;
    private byte[] sevens = [];
    private ulong[] holes = [];
    private ulong[] boards = [];
    private ulong[] sevenMasks = [];

    [GlobalSetup]
    public void Setup()
    {
        sevens = RandomHands.Seven(Hands);
        (holes, boards) = RandomHands.Omaha(Hands);
        sevenMasks = new ulong[Hands];
        for (var i = 0; i < Hands; i++)
        {
            for (var c = 0; c < 7; c++)
            {
                sevenMasks[i] |= 1UL << sevens[(i * 7) + c];
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long Eval7Random() => EvaluationFigures.SevenCardPass(sevens);

    [Benchmark(OperationsPerInvoke = Hands)]
    public long EvalOmahaRandom() => EvaluationFigures.OmahaPass(holes, boards);

    [Benchmark(OperationsPerInvoke = Hands)]
    public long EvaluateMaskSevenCards()
    {
        long sum = 0;
        foreach (var mask in sevenMasks)
        {
            sum += HandEvaluator.Evaluate(HandRanking.StandardHigh, mask);
        }

        return sum;
    }
}
