using Orleans.Poker.Engine.Phh;

namespace Orleans.Poker.Engine.Tests.Corpus;

/// <summary>
/// Every <c>.phh</c> under the shared folder, under our own corpus (<c>Corpus/phh</c> beside this file: PokerKit-checked
/// hands, see <c>Corpus/pokerkit/generate_split_pots.py</c>) and under each folder of <c>POKER_PHH_CORPUS</c> must
/// replay exactly.
/// </summary>
public sealed class PhhCorpusTests
{
    public const string CorpusVariable = "POKER_PHH_CORPUS";

    /// <summary>Our corpus as copied to the test output.</summary>
    public static string EngineCorpus { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", "phh");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var roots = new List<string> { System.IO.Path.Combine(SharedFolder.Path, "phh"), EngineCorpus };
        roots.AddRange(SharedFolder.ExtraFolders(CorpusVariable));
        foreach (var root in roots)
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*.phh", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Fact]
    public void Shared_corpus_is_present()
    {
        var count = Files().Count;

        Assert.True(count >= 200, $"expected the shared PHH corpus, found {count} files");
    }

    [Fact]
    public void Engine_corpus_is_replayed()
    {
        var ours = ((IEnumerable<object[]>)Files()).Count(row => ((string)row[0]).StartsWith(EngineCorpus, StringComparison.Ordinal));

        Assert.True(ours >= 10, $"expected our PokerKit-checked hands under '{EngineCorpus}', found {ours}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Replaying_reproduces_finishing_stacks(string file)
    {
        var document = PhhDocument.Load(file);

        var hand = PhhReplay.Replay(document);

        if (document.FinishingStacks is not { } expected)
        {
            return;
        }

        for (var seat = 0; seat < expected.Count; seat++)
        {
            Assert.True(expected[seat] == hand.Stacks[seat],
                $"{file}: p{seat + 1} finished with {hand.Stacks[seat]}, expected {expected[seat]} (all: [{string.Join(", ", hand.Stacks)}] vs [{string.Join(", ", expected)}])");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Writing_back_keeps_the_hand_and_its_fields(string file)
    {
        var document = PhhDocument.Load(file);

        var text = document.ToToml();
        var read = PhhDocument.Parse(text);

        Assert.Equal(document.Actions, read.Actions);
        Assert.Equal(document.StartingStacks, read.StartingStacks);
        Assert.Equal(document.FinishingStacks, read.FinishingStacks);
        Assert.Equal(document.Extra.Count, read.Extra.Count);
        Assert.Equal(text, read.ToToml());
    }
}
