using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Rules;

/// <summary>Split pots paid as PokerKit pays them (finishing stacks checked with PokerKit 0.7.4).</summary>
public sealed class SplitPotTests
{
    private static Hand Replay(string toml) => PhhReplay.Replay(PhhDocument.Parse(toml));

    [Fact]
    public void Pots_only_the_tied_hands_can_win_merge_before_the_odd_chip_is_given()
    {
        // p4 (all-in for 41) loses to p2 and p3, who tie. Main pot 165 (p1's folded blind in it), side pot 137
        // (p5 folded 19 into it). Split apart they would give p2 both odd chips (83 + 69); p4's hand is killed,
        // the two pots now have the same players and merge: 302 splits 151/151.
        var hand = Replay("""
            variant = "NT"
            antes = [0, 0, 0, 0, 0]
            blinds_or_straddles = [1, 2, 0, 0, 0]
            min_bet = 2
            starting_stacks = [100, 100, 100, 41, 100]
            actions = ["d dh p1 5c5d", "d dh p2 AcKd", "d dh p3 AdKc", "d dh p4 7h2s", "d dh p5 9c9h",
              "p3 cc", "p4 cbr 41", "p5 cc", "p1 f", "p2 cc", "p3 cc",
              "d db QsJh3c", "p2 cbr 19", "p3 cc", "p5 cc",
              "d db 8d", "p2 cbr 40", "p3 cc", "p5 f",
              "p2 sm AcKd", "p3 sm AdKc", "p4 sm 7h2s", "d db 4s"]
            """);

        Assert.True(hand.IsOver);
        Assert.Equal([99, 151, 151, 0, 40], hand.Stacks);
        var pot = Assert.Single(hand.FinalPots);
        Assert.Equal(302, pot.Amount);
        Assert.Equal([1, 2], pot.Eligible);
    }

    [Fact]
    public void A_low_anywhere_halves_every_pot_and_a_half_nobody_qualifies_for_is_shared()
    {
        // p1 (all-in for 7) has the only low; p2 and p3 tie for high with no low. The side pot of 106 is still
        // halved: 53 high (27/26) and 53 low that nobody in it qualifies for, shared by both (27/26) -> p2 gains
        // two odd chips where one pot of 106 would split 53/53.
        var hand = Replay("""
            variant = "FO/8"
            antes = [0, 0, 0]
            blinds_or_straddles = [2, 4, 0]
            small_bet = 4
            big_bet = 8
            starting_stacks = [7, 60, 60]
            actions = ["d dh p1 As2s9d9c", "d dh p2 QhQdJcTc", "d dh p3 QcQsJhTh",
              "p3 cbr 8", "p1 cc", "p2 cc",
              "d db 3h4d7c", "p2 cbr 4", "p3 cbr 8", "p2 cbr 12", "p3 cbr 16", "p2 cc",
              "d db Kd", "p2 cbr 8", "p3 cbr 16", "p2 cc",
              "d db Ks", "p2 cbr 8", "p3 cbr 16", "p2 cbr 20", "p3 cc",
              "p2 sm QhQdJcTc", "p3 sm QcQsJhTh", "p1 sm As2s9d9c"]
            """);

        Assert.True(hand.IsOver);
        Assert.Equal([10, 60, 57], hand.Stacks);
        Assert.Equal([21L, 106L], hand.FinalPots.Select(p => p.Amount));
    }

    [Fact]
    public void Killed_hands_keep_their_shown_cards()
    {
        // p1 (all-in for 20) cannot win anything: PokerKit kills the hand before paying, but it stays shown.
        var hand = Replay("""
            variant = "NT"
            antes = [0, 0, 0]
            blinds_or_straddles = [1, 2, 0]
            min_bet = 2
            starting_stacks = [20, 100, 100]
            actions = ["d dh p1 7h2s", "d dh p2 AcKd", "d dh p3 AdKc", "p3 cbr 100", "p1 cc", "p2 cc",
              "p3 sm AdKc", "p1 sm 7h2s", "p2 sm AcKd", "d db QsJh3c", "d db 8d", "d db 4s"]
            """);

        Assert.True(hand.IsOver);
        Assert.Equal([0, 110, 110], hand.Stacks);
        Assert.Equal(2, hand.HoleCards(0).Length);
        Assert.False(hand.IsFolded(0));
    }
}
