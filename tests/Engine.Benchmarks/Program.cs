using BenchmarkDotNet.Running;
using Orleans.Poker.Engine.Benchmarks;

// `--quick [name ...]`: one line per figure, `name value unit`, in well under a minute.
// Anything else goes to BenchmarkDotNet (e.g. `--filter *Evaluation*`).
if (args.Length > 0 && args[0] == "--quick")
{
    return QuickRunner.Run(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickRunner).Assembly).Run(args);
return 0;
