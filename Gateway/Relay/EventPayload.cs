using System.Text;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// One table event's <c>event</c> message (<see cref="TableEventMessage"/>) for all of a gateway's viewers, serialized
/// once: viewers without a private part share the same bytes, and a seated viewer's copy is those bytes with
/// <c>"mine":null</c> replaced by their own private view: only that view is serialized per player, and the shared
/// bytes are written around it, not copied (<see cref="PreSerialized.Spliced"/>). The result, sent again as
/// <c>handFinished</c>, is shared too.
/// </summary>
internal sealed class EventPayload(TableEvent tableEvent, JsonSerializerOptions options)
{
    private static readonly byte[] Close = "}"u8.ToArray();

    private byte[]? shared;
    private PreSerialized? sharedPayload;
    private PreSerialized? result;
    private int splice = -1;

    public TableEvent Event { get; } = tableEvent;

    /// <summary>The message for a viewer whose own private view is <paramref name="mine"/> (null for watchers).</summary>
    public PreSerialized For(PrivateView? mine)
    {
        shared ??= JsonSerializer.SerializeToUtf8Bytes(Message(null), options);
        if (mine is null)
        {
            return sharedPayload ??= PreSerialized.FromUtf8(shared);
        }

        if (splice < 0)
        {
            // The record's last property is Mine: the shared bytes end in ,"mine":null} unless the options differ.
            var name = options.PropertyNamingPolicy?.ConvertName(nameof(TableEventMessage.Mine)) ?? nameof(TableEventMessage.Mine);
            var tail = Encoding.UTF8.GetBytes($",\"{name}\":null}}");
            splice = shared.AsSpan().EndsWith(tail) ? shared.Length - "null}".Length : 0;
        }

        if (splice == 0)
        {
            return PreSerialized.Of(Message(mine), options);
        }

        return PreSerialized.Spliced(shared.AsMemory(0, splice), JsonSerializer.SerializeToUtf8Bytes(mine, options), Close);
    }

    /// <summary>The hand's result for <c>handFinished</c>, or null when the event ends no hand.</summary>
    public PreSerialized? Result => Event.Result is { } hand ? result ??= PreSerialized.Of(hand, options) : null;

    private TableEventMessage Message(PrivateView? mine) =>
        new(Event.TableId, Event.EventSeq, Event.TableVersion, Event.Kind, Event.Description, Event.View, Event.Result, mine);
}
