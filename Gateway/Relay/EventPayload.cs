using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// One table event's <c>event</c> message (<see cref="TableEventMessage"/>) for all of a gateway's viewers, as the
/// table serialized it (<see cref="TableFeedEvent"/>): viewers without a private part share its bytes, and a seated
/// viewer's message is those bytes with their own part written where <c>"mine":null</c> has its <c>null</c>, written
/// around it, not copied (<see cref="PreSerialized.Spliced"/>). The result, sent again as <c>handFinished</c>, is shared too.
/// </summary>
internal sealed class EventPayload(TableFeedEvent feedEvent)
{
    private static readonly byte[] Close = "}"u8.ToArray();

    private PreSerialized? shared;
    private PreSerialized? result;

    /// <summary>The message for a viewer whose own part is <paramref name="mine"/> (null for watchers).</summary>
    public PreSerialized For(TableFeedPart? mine) => mine is null
        ? shared ??= PreSerialized.FromUtf8(feedEvent.Message)
        : PreSerialized.Spliced(feedEvent.Message.AsMemory(0, feedEvent.MineAt), mine.Json, Close);

    /// <summary>The hand's result for <c>handFinished</c>, or null when the event ends no hand.</summary>
    public PreSerialized? Result => feedEvent.Result is { } hand ? result ??= PreSerialized.FromUtf8(hand) : null;
}
