using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>What a journaled move is: a player's action, the pre-selected action its turn played, or a finished hand's settlement.</summary>
public enum TableMoveKind
{
    Act = 0,
    PreSelected = 1,
    Settled = 2,
}

/// <summary>
/// A move of the hand in play (or its settlement) that the table stores as a few bytes in its journal (<see cref="Storage.ITableJournal"/>)
/// instead of its whole state: everything <see cref="TableMoves.Apply"/> needs to make the same change again when the
/// table is loaded. <see cref="At"/> is the moment the move was made (the next turn's clock starts from it).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.table-move.v1")]
public sealed record TableMove(
    [property: Id(0)] TableMoveKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long PlayerId = 0,
    [property: Id(3)] TurnRef? Turn = null,
    [property: Id(4)] PlayerAction? Action = null,
    [property: Id(5)] long ClientSeq = 0)
{
    public static TableMove Act(long playerId, TurnRef turn, PlayerAction action, long clientSeq, DateTimeOffset at) =>
        new(TableMoveKind.Act, at, playerId, turn, action, clientSeq);

    public static TableMove PreSelected(DateTimeOffset at) => new(TableMoveKind.PreSelected, at);

    public static TableMove Settled(DateTimeOffset at) => new(TableMoveKind.Settled, at);
}
