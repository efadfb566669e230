using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Tests.Corpus;

/// <summary>
/// Every line of every ranking corpus file (<c>A&lt;TAB&gt;B&lt;TAB&gt;r</c>, r one of &lt; = &gt; for A against B) must
/// agree with the evaluator. Files come from the shared folder's <c>ranking/</c> and from every folder in
/// <c>POKER_RANKING_CORPUS</c>; the file name picks the ranking (<c>omaha_</c> prefix = two hole + three board).
/// </summary>
public class RankingCorpusTests
{
    public const string CorpusVariable = "POKER_RANKING_CORPUS";

    public static TheoryData<string> Files()
    {
        var folders = new List<string> { System.IO.Path.Combine(SharedFolder.Path, "ranking") };
        folders.AddRange(SharedFolder.ExtraFolders(CorpusVariable));
        var data = new TheoryData<string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"ranking corpus folder '{folder}' does not exist");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Fact]
    public void Shared_corpus_has_a_file_for_every_ranking_kind()
    {
        var names = Directory.EnumerateFiles(System.IO.Path.Combine(SharedFolder.Path, "ranking"), "*.tsv")
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .ToHashSet();

        Assert.Superset(
            new HashSet<string?> { "standard_high", "short_deck_high", "deuce_seven_low", "badugi", "omaha_high", "omaha_eight_low" },
            names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_comparison_in_the_file_agrees_with_the_evaluator(string file)
    {
        var (ranking, omaha) = RankingCorpus.RankingOf(file);
        var failures = new List<string>();
        var lineNumber = 0;
        var checkedLines = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[2].Trim() is not ("<" or "=" or ">"))
            {
                failures.Add($"{file}:{lineNumber}: malformed line '{line}'");
                continue;
            }

            int a, b;
            try
            {
                a = RankingCorpus.Value(ranking, omaha, fields[0].Trim());
                b = RankingCorpus.Value(ranking, omaha, fields[1].Trim());
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                failures.Add($"{file}:{lineNumber}: {e.Message}");
                continue;
            }

            checkedLines++;
            var expected = fields[2].Trim();
            var actual = a.CompareTo(b) switch { < 0 => "<", 0 => "=", _ => ">" };
            if (actual != expected)
            {
                failures.Add(
                    $"{file}:{lineNumber}: {fields[0]} vs {fields[1]}: expected '{expected}', got '{actual}' " +
                    $"({HandEvaluator.Describe(ranking, a)} [{a}] vs {HandEvaluator.Describe(ranking, b)} [{b}])");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {lineNumber} lines disagree:\n" + string.Join('\n', failures.Take(50)));
        Assert.True(checkedLines > 0, $"{file} has no comparison lines");
    }
}
