using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Rules;

/// <summary>The eleven variants of the PHH standard, looked up by their code.</summary>
public static class Variants
{
    private static readonly bool[] Two = [false, false];
    private static readonly bool[] Four = [false, false, false, false];
    private static readonly bool[] Five = [false, false, false, false, false];
    private static readonly bool[] StudThird = [false, false, true];
    private static readonly bool[] Up = [true];
    private static readonly bool[] Down = [false];
    private static readonly bool[] None = [];

    public static readonly Variant NoLimitHoldem = Holdem("NT", "No-limit Texas hold'em", 52, BettingStructure.NoLimit, HandRanking.StandardHigh, Two, null, false, 0);

    public static readonly Variant FixedLimitHoldem = Holdem("FT", "Fixed-limit Texas hold'em", 52, BettingStructure.FixedLimit, HandRanking.StandardHigh, Two, null, false, 4);

    public static readonly Variant NoLimitShortDeck = Holdem("NS", "No-limit short-deck hold'em", 36, BettingStructure.NoLimit, HandRanking.ShortDeckHigh, Two, null, false, 0);

    public static readonly Variant PotLimitOmaha = Holdem("PO", "Pot-limit Omaha hold'em", 52, BettingStructure.PotLimit, HandRanking.StandardHigh, Four, null, true, 0);

    public static readonly Variant FixedLimitOmahaHiLo = Holdem("FO/8", "Fixed-limit Omaha hold'em hi/lo eight or better", 52, BettingStructure.FixedLimit, HandRanking.StandardHigh, Four, HandRanking.EightOrBetterLow, true, 4);

    public static readonly Variant SevenCardStud = Stud("F7S", "Fixed-limit seven card stud", HandRanking.StandardHigh, null, Opening.LowCard, Opening.HighHand);

    public static readonly Variant SevenCardStudHiLo = Stud("F7S/8", "Fixed-limit seven card stud hi/lo eight or better", HandRanking.StandardHigh, HandRanking.EightOrBetterLow, Opening.LowCard, Opening.HighHand);

    public static readonly Variant Razz = Stud("FR", "Fixed-limit razz", HandRanking.AceToFiveLow, null, Opening.HighCard, Opening.LowHand);

    public static readonly Variant DeuceToSevenSingleDraw = Draw("N2L1D", "No-limit deuce-to-seven lowball single draw", BettingStructure.NoLimit, HandRanking.DeuceToSevenLow, Five, 1, 0);

    public static readonly Variant DeuceToSevenTripleDraw = Draw("F2L3D", "Fixed-limit deuce-to-seven lowball triple draw", BettingStructure.FixedLimit, HandRanking.DeuceToSevenLow, Five, 3, 4);

    public static readonly Variant Badugi = Draw("FB", "Fixed-limit badugi", BettingStructure.FixedLimit, HandRanking.Badugi, Four, 3, 4);

    /// <summary>All variants in PHH order.</summary>
    public static IReadOnlyList<Variant> All { get; } =
    [
        NoLimitHoldem, FixedLimitHoldem, NoLimitShortDeck, PotLimitOmaha, FixedLimitOmahaHiLo, SevenCardStud,
        SevenCardStudHiLo, Razz, DeuceToSevenSingleDraw, DeuceToSevenTripleDraw, Badugi,
    ];

    /// <summary>The variant with this PHH code, or null.</summary>
    public static Variant? Find(string code)
    {
        foreach (var variant in All)
        {
            if (string.Equals(variant.Code, code, StringComparison.Ordinal))
            {
                return variant;
            }
        }

        return null;
    }

    /// <summary>The variant with this PHH code.</summary>
    public static Variant Get(string code) =>
        Find(code) ?? throw new ArgumentException($"unknown variant code '{code}' (expected one of {string.Join(", ", All.Select(v => v.Code))})", nameof(code));

    private static Variant Holdem(string code, string name, int deck, BettingStructure betting, HandRanking high, bool[] hole, HandRanking? low, bool omaha, int cap) =>
        new(code, name, deck, betting,
        [
            new Street("preflop", false, hole, 0, false, Opening.Position, false),
            new Street("flop", true, None, 3, false, Opening.Position, false),
            new Street("turn", true, None, 1, false, Opening.Position, true),
            new Street("river", true, None, 1, false, Opening.Position, true),
        ], high, low, omaha, cap, false);

    private static Variant Stud(string code, string name, HandRanking high, HandRanking? low, Opening first, Opening later) =>
        new(code, name, 52, BettingStructure.FixedLimit,
        [
            new Street("third street", false, StudThird, 0, false, first, false),
            new Street("fourth street", true, Up, 0, false, later, false),
            new Street("fifth street", true, Up, 0, false, later, true),
            new Street("sixth street", true, Up, 0, false, later, true),
            new Street("seventh street", true, Down, 0, false, later, true),
        ], high, low, false, 4, true);

    private static Variant Draw(string code, string name, BettingStructure betting, HandRanking ranking, bool[] hole, int draws, int cap)
    {
        var streets = new List<Street> { new("predraw", false, hole, 0, false, Opening.Position, false) };
        for (var i = 1; i <= draws; i++)
        {
            streets.Add(new Street(i == 1 ? "first draw" : i == 2 ? "second draw" : "third draw", true, None, 0, true, Opening.Position, draws > 1 && i >= 2));
        }

        return new Variant(code, name, 52, betting, streets, ranking, null, false, cap, false);
    }
}
