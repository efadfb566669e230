using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class PreActionsTests
{
    private static readonly LegalActions NothingBet = new() { CanFold = true, CanCheck = true, CallAmount = 0, CanBetOrRaise = true };
    private static readonly LegalActions FacingFour = new() { CanFold = true, CallAmount = 4, CanBetOrRaise = true };

    [Theory]
    [InlineData(PreActionKind.CheckFold, 0, ActionKind.Check)]
    [InlineData(PreActionKind.Check, 0, ActionKind.Check)]
    [InlineData(PreActionKind.Call, 0, ActionKind.Check)]
    [InlineData(PreActionKind.CallAny, 0, ActionKind.Check)]
    public void With_nothing_to_call_every_pre_action_checks(PreActionKind kind, long amount, ActionKind expected) =>
        Assert.Equal(expected, PreActions.Resolve(new PreAction(kind, amount), NothingBet)?.Kind);

    [Theory]
    [InlineData(PreActionKind.CheckFold, 0, ActionKind.Fold)]
    [InlineData(PreActionKind.Call, 4, ActionKind.Call)]
    [InlineData(PreActionKind.CallAny, 0, ActionKind.Call)]
    public void Facing_a_bet_check_fold_folds_and_calls_call(PreActionKind kind, long amount, ActionKind expected) =>
        Assert.Equal(expected, PreActions.Resolve(new PreAction(kind, amount), FacingFour)?.Kind);

    [Theory]
    [InlineData(PreActionKind.Check, 0)]
    [InlineData(PreActionKind.Call, 0)]
    [InlineData(PreActionKind.Call, 2)]
    public void A_check_or_a_call_of_another_amount_never_becomes_a_call_of_this_bet(PreActionKind kind, long amount) =>
        Assert.Null(PreActions.Resolve(new PreAction(kind, amount), FacingFour));

    [Fact]
    public void Draws_and_bring_ins_are_never_pre_selected()
    {
        Assert.Null(PreActions.Resolve(new PreAction(PreActionKind.CheckFold), NothingBet with { DiscardMin = 0, DiscardMax = 5 }));
        Assert.Null(PreActions.Resolve(new PreAction(PreActionKind.CallAny), FacingFour with { BringIn = 1 }));
    }
}
