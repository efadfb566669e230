using System.Text.Json;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// One table event as the gateways send it, serialized once by the table with the hub's JSON (<see cref="TableJson"/>)
/// instead of by every gateway from the objects (<see cref="ITableFeedObserver"/>). <see cref="Message"/> is the
/// <c>event</c> message of a viewer without a seat (<see cref="TableEventMessage"/> with <c>"mine":null</c>); a
/// seated player's is the same bytes with their own part (<see cref="TableFeedPart.Json"/>) written at
/// <see cref="MineAt"/> instead of the <c>null</c>. A gateway must deliver each part only to its player.
/// </summary>
/// <param name="TableId">The table.</param>
/// <param name="EventSeq">Grows by one per event, so a gap means a missed event.</param>
/// <param name="Message">The <c>event</c> message's JSON, <c>"mine":null</c> its last property.</param>
/// <param name="MineAt">Where in <see cref="Message"/> the <c>null</c> of <c>"mine"</c> starts.</param>
/// <param name="Private">Each seated player's own part.</param>
/// <param name="Result">The hand's result as <c>handFinished</c> sends it, when the event ends a hand.</param>
[GenerateSerializer, Immutable, Alias("poker.table-feed-event.v1")]
public sealed record TableFeedEvent(
    [property: Id(0)] string TableId,
    [property: Id(1)] long EventSeq,
    [property: Id(2)] byte[] Message,
    [property: Id(3)] int MineAt,
    [property: Id(4)] IReadOnlyList<TableFeedPart> Private,
    [property: Id(5)] byte[]? Result)
{
    private static readonly byte[] NoMine = "null}"u8.ToArray();

    /// <summary>Serializes <paramref name="tableEvent"/>.</summary>
    public static TableFeedEvent From(TableEvent tableEvent)
    {
        var message = JsonSerializer.SerializeToUtf8Bytes(
            new TableEventMessage(tableEvent.TableId, tableEvent.EventSeq, tableEvent.TableVersion, tableEvent.Kind, tableEvent.Description, tableEvent.View, tableEvent.Result, null),
            TableJson.Options);
        if (!message.AsSpan().EndsWith(NoMine))
        {
            throw new InvalidOperationException("The event message must end with its \"mine\" property");
        }

        var parts = new TableFeedPart[tableEvent.Private.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var mine = tableEvent.Private[i];
            parts[i] = new TableFeedPart(mine.PlayerId, JsonSerializer.SerializeToUtf8Bytes(mine, TableJson.Options),
                YourTurnMessage.For(tableEvent.TableId, tableEvent.EventSeq, tableEvent.View, mine));
        }

        var result = tableEvent.Result is { } hand ? JsonSerializer.SerializeToUtf8Bytes(hand, TableJson.Options) : null;
        return new TableFeedEvent(tableEvent.TableId, tableEvent.EventSeq, message, message.Length - NoMine.Length, parts, result);
    }
}

/// <summary>One seated player's own part of a <see cref="TableFeedEvent"/>.</summary>
/// <param name="PlayerId">The only player it may reach.</param>
/// <param name="Json">Their <see cref="PrivateView"/> as JSON.</param>
/// <param name="YourTurn">Their <c>yourTurn</c> message when the table waits on them; else null.</param>
[GenerateSerializer, Immutable, Alias("poker.table-feed-part.v1")]
public sealed record TableFeedPart(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] byte[] Json,
    [property: Id(2)] YourTurnMessage? YourTurn);
