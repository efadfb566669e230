namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The turn an action answers: the hand number and the table's turn id, both published in every
/// <see cref="TableView"/> (<see cref="TableView.HandNo"/>, <see cref="TableView.TurnId"/>). A table refuses an action
/// naming another turn with <c>stale_action</c>, so a button kept from an earlier street or hand never acts.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.turn-ref.v1")]
public sealed record TurnRef(
    [property: Id(0)] long HandNo,
    [property: Id(1)] long TurnId)
{
    /// <summary>
    /// The turn being played in <paramref name="view"/>, null when nobody is to act. The table names each turn: a turn
    /// is new exactly when this differs from the last one seen; relays and front ends need no rule of their own.
    /// </summary>
    public static TurnRef? Of(TableView view) => view.TurnId == 0 ? null : new TurnRef(view.HandNo, view.TurnId);
}
