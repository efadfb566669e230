namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The <c>yourTurn</c> message: the caller must act at <see cref="TableId"/> before <see cref="Deadline"/>, naming
/// <see cref="HandNo"/> and <see cref="TurnId"/> in the action.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.your-turn.v1")]
public sealed record YourTurnMessage(
    [property: Id(0)] string TableId,
    [property: Id(1)] long EventSeq,
    [property: Id(2)] long HandNo,
    [property: Id(3)] long TurnId,
    [property: Id(4)] int Seat,
    [property: Id(5)] LegalActions Legal,
    [property: Id(6)] DateTimeOffset? Deadline)
{
    /// <summary>The message for the player whose own part is <paramref name="mine"/> when <paramref name="view"/> waits on them; else null.</summary>
    public static YourTurnMessage? For(string tableId, long eventSeq, TableView view, PrivateView? mine) =>
        mine?.Legal is { } legal && view.ActorSeat == mine.Seat && TurnRef.Of(view) is { } turn
            ? new YourTurnMessage(tableId, eventSeq, turn.HandNo, turn.TurnId, mine.Seat, legal, view.Deadline)
            : null;
}
