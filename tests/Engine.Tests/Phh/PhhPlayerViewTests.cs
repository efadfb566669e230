using Orleans.Poker.Engine.Phh;

namespace Orleans.Poker.Engine.Tests.Phh;

/// <summary>
/// A player's copy of a hand history keeps their own cards, cards dealt face up and cards shown at showdown; every other
/// hole card and discard is PHH's unknown card <c>??</c>. The whole history (no viewer) keeps every card.
/// </summary>
public sealed class PhhPlayerViewTests
{
    // p3 folds, p1 shows, p2 mucks.
    private const string Holdem = """
        variant = 'NT'
        antes = [0, 0, 0]
        blinds_or_straddles = [1, 2, 0]
        min_bet = 2
        starting_stacks = [100, 100, 100]
        actions = ['d dh p1 AsKs', 'd dh p2 7h2c', 'd dh p3 QdQc', 'p3 f', 'p1 cc', 'p2 cc', 'd db Ah8d3c', 'p1 cc', 'p2 cc', 'd db 9s', 'p1 cc', 'p2 cc', 'd db 4h', 'p1 cc', 'p2 cc', 'p1 sm AsKs', 'p2 sm']
        time = 14:03:22
        _rake = 0
        """;

    // p1 discards the king and shows; p2 stands pat and mucks.
    private const string Draw = """
        variant = 'N2L1D'
        antes = [0, 0]
        blinds_or_straddles = [1, 2]
        min_bet = 2
        starting_stacks = [100, 100]
        actions = ['d dh p1 7c5d4h3sKd', 'd dh p2 AsAhKsKh2c', 'p2 cc', 'p1 cc', 'p1 sd Kd', 'p2 sd', 'd dh p1 2d', 'p1 cc', 'p2 cc', 'p1 sm 7c5d4h3s2d', 'p2 sm']
        """;

    // Third street: two cards down, one up; p1 brings in, p2 folds.
    private const string Stud = """
        variant = 'F7S'
        antes = [1, 1]
        bring_in = 2
        small_bet = 5
        big_bet = 10
        starting_stacks = [100, 100]
        actions = ['d dh p1 AsKs2c', 'd dh p2 QdQc9h', 'p1 pb', 'p2 f']
        """;

    [Fact]
    public void Holdem_folded_and_mucked_hands_are_unknown_to_the_others_and_known_to_themselves()
    {
        Assert.Equal(["d dh p1 AsKs", "d dh p2 ????", "d dh p3 ????"], Dealt(Holdem, 0));
        Assert.Equal(["d dh p1 AsKs", "d dh p2 7h2c", "d dh p3 ????"], Dealt(Holdem, 1));
        Assert.Equal(["d dh p1 AsKs", "d dh p2 ????", "d dh p3 QdQc"], Dealt(Holdem, 2));
        Assert.Equal(["d dh p1 AsKs", "d dh p2 7h2c", "d dh p3 QdQc"], Dealt(Holdem, null));
        Assert.Contains("p2 sm", PhhDocument.Parse(PhhExport.ForPlayer(Holdem, 0)).Actions);
    }

    [Fact]
    public void Draw_discards_and_mucked_hands_are_unknown_to_the_others_and_shown_cards_stay()
    {
        var toP2 = PhhDocument.Parse(PhhExport.ForPlayer(Draw, 1)).Actions;
        Assert.Equal(["d dh p1 7c5d4h3s??", "d dh p2 AsAhKsKh2c", "p2 cc", "p1 cc", "p1 sd ??", "p2 sd", "d dh p1 2d", "p1 cc", "p2 cc", "p1 sm 7c5d4h3s2d", "p2 sm"], toP2);

        var toP1 = PhhDocument.Parse(PhhExport.ForPlayer(Draw, 0)).Actions;
        Assert.Contains("d dh p1 7c5d4h3sKd", toP1);
        Assert.Contains("p1 sd Kd", toP1);
        Assert.Contains("d dh p2 ??????????", toP1);
        Assert.Contains("p1 sd Kd", PhhReplay.Replay(PhhDocument.Parse(Draw)).ToPhhDocument().Actions);
    }

    [Fact]
    public void Stud_up_cards_stay_and_down_cards_of_others_are_unknown()
    {
        Assert.Equal(["d dh p1 AsKs2c", "d dh p2 ????9h"], Dealt(Stud, 0));
        Assert.Equal(["d dh p1 ????2c", "d dh p2 QdQc9h"], Dealt(Stud, 1));
    }

    [Fact]
    public void A_players_copy_keeps_every_other_field()
    {
        var text = PhhExport.ForPlayer(Holdem, 0);

        Assert.Contains("time = 14:03:22\n", text, StringComparison.Ordinal);
        Assert.Contains("_rake = 0\n", text, StringComparison.Ordinal);
        Assert.Contains("min_bet = 2\n", text, StringComparison.Ordinal);
    }

    private static string[] Dealt(string phh, int? viewerSeat)
    {
        var actions = viewerSeat is int seat
            ? PhhDocument.Parse(PhhExport.ForPlayer(phh, seat)).Actions
            : PhhReplay.Replay(PhhDocument.Parse(phh)).ToPhhDocument().Actions;
        return actions.Where(a => a.StartsWith("d dh", StringComparison.Ordinal)).ToArray();
    }
}
