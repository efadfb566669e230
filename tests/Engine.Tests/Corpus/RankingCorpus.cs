using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Tests.Corpus;

/// <summary>Reads ranking corpus files: which ranking a file name means and the value of one hand field.</summary>
public static class RankingCorpus
{
    private const string OmahaPrefix = "omaha_";

    /// <summary>The ranking named by a corpus file (e.g. <c>short_deck_high.tsv</c>, <c>omaha_eight_low.tsv</c>).</summary>
    public static (HandRanking Ranking, bool Omaha) RankingOf(string file)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        var omaha = name.StartsWith(OmahaPrefix, StringComparison.Ordinal);
        if (omaha)
        {
            name = name[OmahaPrefix.Length..];
        }

        HandRanking? ranking = name switch
        {
            "standard_high" or "high" => HandRanking.StandardHigh,
            "short_deck_high" or "short_deck" => HandRanking.ShortDeckHigh,
            "deuce_seven_low" or "deuce_to_seven_low" => HandRanking.DeuceToSevenLow,
            "ace_five_low" or "ace_to_five_low" or "razz" => HandRanking.AceToFiveLow,
            "eight_low" or "eight_or_better_low" or "eight_or_better" => HandRanking.EightOrBetterLow,
            "badugi" => HandRanking.Badugi,
            _ => null,
        };
        return ranking is { } known
            ? (known, omaha)
            : throw new InvalidOperationException($"'{file}': the file name names no known ranking");
    }

    /// <summary>Value of a field: cards written together, or <c>hole|board</c> for Omaha files.</summary>
    public static int Value(HandRanking ranking, bool omaha, string field)
    {
        if (!omaha)
        {
            return HandEvaluator.Evaluate(ranking, CardMask.Parse(field));
        }

        var parts = field.Split('|');
        return parts.Length == 2
            ? HandEvaluator.EvaluateOmaha(ranking, CardMask.Parse(parts[0]), CardMask.Parse(parts[1]))
            : throw new FormatException($"'{field}' is not hole|board");
    }
}
