using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// A hub message argument serialized to JSON once, with the hub protocol's payload options, and copied verbatim into
/// every connection's message: a relay fanning one change out to many connections serializes it once instead of once
/// per connection. Only the JSON hub protocol (the only one the gateway offers) knows how to write it.
/// </summary>
[JsonConverter(typeof(PreSerializedConverter))]
public sealed class PreSerialized
{
    private PreSerialized(byte[] utf8) => Utf8 = utf8;

    /// <summary>The JSON value, UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    public static PreSerialized Of<T>(T value, JsonSerializerOptions options) => new(JsonSerializer.SerializeToUtf8Bytes(value, options));

    /// <summary>Wraps bytes that already are one complete JSON value.</summary>
    internal static PreSerialized FromUtf8(byte[] utf8) => new(utf8);

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);
}

/// <summary>Writes a <see cref="PreSerialized"/> value as it is; it is never read.</summary>
internal sealed class PreSerializedConverter : JsonConverter<PreSerialized>
{
    public override PreSerialized Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A pre-serialized hub argument is only written");

    public override void Write(Utf8JsonWriter writer, PreSerialized value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
