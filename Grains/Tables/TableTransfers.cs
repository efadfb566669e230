using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's one chip-move executor: every move between a player's balance and the table is recorded in the table's
/// state (<see cref="TableState.PendingTransfers"/>) and stored before the player grain is called, then confirmed with
/// the same transfer id until it succeeds, so a crash in the middle never creates or loses chips. What moves, and its
/// transfer id, is decided by <see cref="ChipMoves"/>.
/// </summary>
/// <param name="grains">Where the player grains are.</param>
/// <param name="tableId">The table the chips move to or from.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="writes">The grain's write of its state.</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableTransfers(IGrainFactory grains, string tableId, TableState state, ITableWrites writes, ILogger logger)
{
    private readonly HashSet<string> refusalsTold = [];

    /// <summary>
    /// Moves chips from a balance to the table: recorded before the balance is debited, so after a crash it is either
    /// confirmed or refunded; refused (nothing debited) it is dropped and the refusal rethrown. The caller's next write
    /// stores the confirmed move's end.
    /// </summary>
    public async Task MoveIn(PendingTransfer transfer)
    {
        state.PendingTransfers.Add(transfer);
        await writes.Persist();
        try
        {
            await Player(transfer.PlayerId).TransferToTable(transfer.TransferId, tableId, transfer.Amount);
        }
        catch (PokerException)
        {
            state.PendingTransfers.Remove(transfer);
            await writes.Persist();
            throw;
        }

        state.PendingTransfers.Remove(transfer);
    }

    /// <summary>Confirms every recorded chip move with the player grains; what fails is retried by the timer.</summary>
    public async Task Settle()
    {
        if (state.PendingTransfers.Count == 0)
        {
            return;
        }

        var pending = state.PendingTransfers.Count;
        foreach (var transfer in state.PendingTransfers.ToList())
        {
            var player = Player(transfer.PlayerId);
            try
            {
                if (!transfer.ToTable)
                {
                    try
                    {
                        await player.TransferFromTable(transfer.TransferId, tableId, transfer.Amount, transfer.Kind);
                    }
                    catch (PokerException ex) when (ex.Code == "not_found" && RobotStrategy.IsRobot(transfer.PlayerId))
                    {
                        // A sit-and-go's refund to a robot that never bought in (stored before robots got none): it paid nothing.
                        logger.LogWarning("Table {TableId} transfer {TransferId} of {Amount} to robot {PlayerId}, which never bought in, dropped",
                            tableId, transfer.TransferId, transfer.Amount, transfer.PlayerId);
                    }
                    catch (PokerException ex)
                    {
                        // A bug: kept and retried (told once an activation), and the others settle.
                        if (refusalsTold.Add(transfer.TransferId))
                        {
                            logger.LogError(ex, "Table {TableId} transfer {TransferId} of {Amount} to {PlayerId} refused ({Code}); kept, retried",
                                tableId, transfer.TransferId, transfer.Amount, transfer.PlayerId, ex.Code);
                        }

                        continue;
                    }
                }
                else
                {
                    // A buy-in whose seat was never taken (crash mid-sit): make sure it was debited once, then refund it.
                    try
                    {
                        await player.TransferToTable(transfer.TransferId, tableId, transfer.Amount);
                        await player.TransferFromTable(ChipMoves.RefundId(transfer), tableId, transfer.Amount, LedgerKind.CashOut);
                    }
                    catch (PokerException)
                    {
                        // Refused (e.g. insufficient balance): nothing was debited.
                    }
                }

                state.PendingTransfers.Remove(transfer);
            }
            catch (Exception ex) when (ex is not PokerException)
            {
                logger.LogWarning(ex, "Table {TableId} transfer {TransferId} not confirmed yet; retrying", tableId, transfer.TransferId);
            }
        }

        if (state.PendingTransfers.Count != pending)
        {
            await writes.Persist();
        }
    }

    /// <summary>
    /// Robots with no chips buy in again from their own balance (the same ledger as everyone); a robot whose balance
    /// cannot cover it claims the daily top-up first, as any player may, so a practice table keeps its robots.
    /// </summary>
    public async Task RebuyRobots()
    {
        var config = state.Config!;
        foreach (var seat in state.Seats.OfType<SeatState>().Where(s => s.IsRobot && s.Stack == 0 && !SitAndGo.Is(config)))
        {
            try
            {
                var robot = await Player(seat.PlayerId).Register(new PlayerProfile { PlayerId = seat.PlayerId, DisplayName = seat.Name, IsRobot = true });
                if (robot.Balance < config.MaxBuyIn)
                {
                    await TopUp(seat.PlayerId);
                }

                await MoveIn(ChipMoves.RobotRebuy(tableId, seat.PlayerId, state.HandNo, config.MaxBuyIn));
                seat.Stack = config.MaxBuyIn;
                SeatHygiene.SitIn(seat);
            }
            catch (PokerException ex)
            {
                logger.LogWarning("Robot {PlayerId} cannot buy in at {TableId}: {Reason}", seat.PlayerId, tableId, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage or the robot's grain failed: the robot sits out with no chips and buys in again after a later hand.
                logger.LogWarning(ex, "Robot {PlayerId} could not buy in at {TableId}: retried after a later hand", seat.PlayerId, tableId);
            }

            await writes.Persist();
        }
    }

    private async Task TopUp(long robotId)
    {
        try
        {
            await Player(robotId).ClaimTopUp();
        }
        catch (PokerException ex) when (ex.Code is "top_up_not_due" or "top_up_not_needed")
        {
            // Claimed within the interval already: the buy-in below is refused until the next one is due.
        }
    }

    private IPlayerGrain Player(long playerId) => grains.GetGrain<IPlayerGrain>(playerId);
}
