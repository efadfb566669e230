using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// A hub message argument serialized to JSON once, with the hub protocol's payload options, and copied verbatim into
/// every connection's message: a relay fanning one change out to many connections serializes it once instead of once
/// per connection. The value may be made of pieces (<see cref="Spliced"/>): one viewer's copy of a shared message is
/// the shared bytes around their own part, written out piece by piece instead of copied into an array of its own.
/// Only the JSON hub protocol (the only one the gateway offers) knows how to write it.
/// </summary>
[JsonConverter(typeof(PreSerializedConverter))]
public sealed class PreSerialized
{
    private PreSerialized(ReadOnlySequence<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON value, UTF-8.</summary>
    public ReadOnlySequence<byte> Utf8 { get; }

    public static PreSerialized Of<T>(T value, JsonSerializerOptions options) => FromUtf8(JsonSerializer.SerializeToUtf8Bytes(value, options));

    /// <summary>Wraps bytes that already are one complete JSON value.</summary>
    internal static PreSerialized FromUtf8(byte[] utf8) => new(new ReadOnlySequence<byte>(utf8));

    /// <summary>The JSON value made of <paramref name="pieces"/> in order (together one complete JSON value), not copied.</summary>
    internal static PreSerialized Spliced(params ReadOnlySpan<ReadOnlyMemory<byte>> pieces)
    {
        var first = new Piece(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces[1..])
        {
            last = last.Append(piece);
        }

        return new(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
    }

    public override string ToString() => Encoding.UTF8.GetString(Utf8);

    private sealed class Piece : ReadOnlySequenceSegment<byte>
    {
        public Piece(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Piece Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Piece(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

/// <summary>Writes a <see cref="PreSerialized"/> value as it is; it is never read.</summary>
internal sealed class PreSerializedConverter : JsonConverter<PreSerialized>
{
    public override PreSerialized Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A pre-serialized hub argument is only written");

    public override void Write(Utf8JsonWriter writer, PreSerialized value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}
