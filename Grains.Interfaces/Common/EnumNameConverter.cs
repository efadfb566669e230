using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>
/// Enums in JSON as their members' names, read back as exactly one member's name (in any case) or as a number. The
/// framework's <see cref="JsonStringEnumConverter"/> also reads a list of names ("Check, Call") as its members OR-ed
/// together, which for the room's enums (none is a set of flags) is another member: a garbled action was read as a
/// raise. Names are encoded once per enum, so writing one costs no allocation (every table event carries several).
/// </summary>
public sealed class EnumNameConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly FrozenDictionary<string, T> Members =
            Enum.GetValues<T>().ToFrozenDictionary(value => value.ToString(), StringComparer.OrdinalIgnoreCase);

        private static readonly FrozenDictionary<T, JsonEncodedText> Names =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(value => value, value => JsonEncodedText.Encode(value.ToString()));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => Named(reader.GetString()),
            JsonTokenType.Number when reader.TryGetInt64(out var number) => (T)Enum.ToObject(typeof(T), number),
            _ => throw new JsonException($"Expected the name of a {typeof(T).Name}."),
        };

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (Names.TryGetValue(value, out var name))
            {
                writer.WriteStringValue(name);
            }
            else
            {
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        private static T Named(string? text) =>
            text is not null && Members.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"'{text}' is not a {typeof(T).Name}; use one of {string.Join(", ", Members.Keys)}.");
    }
}
