using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class ChipMovesTests
{
    [Fact]
    public void A_robot_rebuy_and_a_buy_in_produce_distinct_transfer_ids()
    {
        var rebuy = ChipMoves.RobotRebuy("t1", 7, 3, 200);
        var buyIn = ChipMoves.BuyIn("t1", 7, 200);
        Assert.NotEqual(rebuy.TransferId, buyIn.TransferId);
        Assert.Equal("t1:in:7:3", rebuy.TransferId);
        Assert.All([rebuy, buyIn], t => Assert.Equal((true, LedgerKind.BuyIn), (t.ToTable, t.Kind)));
    }

    [Fact]
    public void Every_buy_in_top_up_and_cash_out_is_a_new_move_but_a_rebuy_and_a_prize_happen_once()
    {
        Assert.NotEqual(ChipMoves.BuyIn("t1", 7, 100).TransferId, ChipMoves.BuyIn("t1", 7, 100).TransferId);
        Assert.NotEqual(ChipMoves.TopUp("t1", 7, 100).TransferId, ChipMoves.TopUp("t1", 7, 100).TransferId);
        Assert.NotEqual(ChipMoves.CashOut("t1", 7, 100).TransferId, ChipMoves.CashOut("t1", 7, 100).TransferId);
        Assert.Equal(ChipMoves.RobotRebuy("t1", 7, 3, 200).TransferId, ChipMoves.RobotRebuy("t1", 7, 3, 200).TransferId);
        Assert.Equal("t1:prize:7", ChipMoves.Prize("t1", 7, 600).TransferId);
    }

    [Fact]
    public void Moves_to_the_balance_say_their_kind_and_a_refund_has_its_own_id()
    {
        var cashOut = ChipMoves.CashOut("t1", 7, 100);
        var prize = ChipMoves.Prize("t1", 7, 600);
        Assert.Equal((false, LedgerKind.CashOut), (cashOut.ToTable, cashOut.Kind));
        Assert.Equal((false, LedgerKind.Prize, 600L), (prize.ToTable, prize.Kind, prize.Amount));
        var buyIn = ChipMoves.BuyIn("t1", 7, 100);
        Assert.Equal(buyIn.TransferId + ":refund", ChipMoves.RefundId(buyIn));
    }
}
