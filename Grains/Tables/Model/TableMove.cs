using Orleans.Poker.Engine.Cards;
using Deck = Orleans.Poker.Engine.Rules.Deck;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>What a journaled move is: a player's action, the pre-selected action its turn played, a finished hand's settlement, or a hand's deal.</summary>
public enum TableMoveKind
{
    Act = 0,
    PreSelected = 1,
    Settled = 2,
    Dealt = 3,
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
    [property: Id(5)] long ClientSeq = 0,
    [property: Id(6)] byte[]? Cards = null,
    [property: Id(7)] ulong ReshuffleKey = 0)
{
    public static TableMove Act(long playerId, TurnRef turn, PlayerAction action, long clientSeq, DateTimeOffset at) =>
        new(TableMoveKind.Act, at, playerId, turn, action, clientSeq);

    public static TableMove PreSelected(DateTimeOffset at) => new(TableMoveKind.PreSelected, at);

    public static TableMove Settled(DateTimeOffset at) => new(TableMoveKind.Settled, at);

    /// <summary>A hand dealt from <paramref name="deck"/> (its order is what the move keeps: the deal is made again from it).</summary>
    public static TableMove Dealt(DateTimeOffset at, Deck deck) =>
        new(TableMoveKind.Dealt, at, Cards: [.. deck.Cards.Select(c => c.Index)], ReshuffleKey: deck.ReshuffleKey);

    /// <summary>The deck of a <see cref="TableMoveKind.Dealt"/> move.</summary>
    public Deck Deck() => new([.. Cards!.Select(i => new Card(i))], ReshuffleKey);
}
