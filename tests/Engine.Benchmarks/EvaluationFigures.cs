using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>Quick figures of the hand evaluators: random 7-card and PLO evaluations per second, bytes per evaluation.</summary>
public static class EvaluationFigures
{
    private const int SevenCardHands = 1_000_000;
    private const int OmahaHands = 200_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan Segment = TimeSpan.FromSeconds(0.25);

    private static long allocatedBytes;
    private static long evaluations;

    public static IReadOnlyList<QuickFigure> All =>
    [
        new("eval7_random", "evals/s", MeasureSeven),
        new("eval_omaha_random", "evals/s", MeasureOmaha),
        new("alloc_per_eval", "bytes", AllocationPerEvaluation),
    ];

    /// <summary>Sum of values over every hand once; the sum keeps the work from being optimised away.</summary>
    public static long SevenCardPass(byte[] hands)
    {
        long sum = 0;
        var span = hands.AsSpan(0, hands.Length - (hands.Length % 7));
        ref var hand = ref MemoryMarshal.GetReference(span);
        ref var end = ref Unsafe.Add(ref hand, span.Length);
        while (Unsafe.IsAddressLessThan(ref hand, ref end))
        {
            sum += HandEvaluator.EvaluateHigh7(
                hand, Unsafe.Add(ref hand, 1), Unsafe.Add(ref hand, 2), Unsafe.Add(ref hand, 3),
                Unsafe.Add(ref hand, 4), Unsafe.Add(ref hand, 5), Unsafe.Add(ref hand, 6));
            hand = ref Unsafe.Add(ref hand, 7);
        }

        return sum;
    }

    public static long OmahaPass(ulong[] holes, ulong[] boards)
    {
        long sum = 0;
        for (var i = 0; i < holes.Length; i++)
        {
            sum += HandEvaluator.EvaluateOmaha(HandRanking.StandardHigh, holes[i], boards[i]);
        }

        return sum;
    }

    private static double MeasureSeven()
    {
        var hands = RandomHands.Seven(SevenCardHands);
        return Measure(SevenCardHands, () => SevenCardPass(hands));
    }

    private static double MeasureOmaha()
    {
        var (holes, boards) = RandomHands.Omaha(OmahaHands);
        return Measure(OmahaHands, () => OmahaPass(holes, boards));
    }

    // Bytes allocated on this thread inside the timed loops of the figures measured so far, per evaluation.
    private static double AllocationPerEvaluation()
    {
        if (evaluations == 0)
        {
            MeasureSeven();
        }

        return (double)allocatedBytes / evaluations;
    }

    // The machine is shared: time short segments and report the fastest, which is the least disturbed one.
    private static double Measure(int handsPerPass, Func<long> pass)
    {
        long checksum = 0;

        // Enough calls for tiered compilation to install fully optimised code (tier 1 after 30 calls).
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 60 || warmup.Elapsed < WarmupTime; i++)
        {
            checksum += pass();
        }

        var best = 0.0;
        var total = Stopwatch.StartNew();
        while (total.Elapsed < Budget)
        {
            var passes = 0L;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var segment = Stopwatch.StartNew();
            while (segment.Elapsed < Segment)
            {
                checksum += pass();
                passes++;
            }

            segment.Stop();
            allocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            evaluations += passes * handsPerPass;
            best = Math.Max(best, passes * handsPerPass / segment.Elapsed.TotalSeconds);
        }

        GC.KeepAlive(checksum);
        return best;
    }
}
