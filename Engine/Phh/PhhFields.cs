using System.Collections;
using System.Globalization;

namespace Orleans.Poker.Engine.Phh;

/// <summary>
/// The fields of the PHH standard beside the game fields, with their TOML types, and how a value for one is checked
/// before it is written. Any other field is user-defined and its name must start with an underscore (PokerKit warns
/// about others, and reads a few, <c>rake</c> first, as its own settings).
/// </summary>
internal static class PhhFields
{
    private enum Kind
    {
        String,
        LocalTime,
        Integer,
        StringOrInteger,
        Number,
        Integers,
        Strings,
        Numbers,
    }

    private static readonly Dictionary<string, Kind> Optional = new(StringComparer.Ordinal)
    {
        ["author"] = Kind.String,
        ["event"] = Kind.String,
        ["url"] = Kind.String,
        ["venue"] = Kind.String,
        ["address"] = Kind.String,
        ["city"] = Kind.String,
        ["region"] = Kind.String,
        ["postal_code"] = Kind.String,
        ["country"] = Kind.String,
        ["time"] = Kind.LocalTime,
        ["time_zone"] = Kind.String,
        ["time_zone_abbreviation"] = Kind.String,
        ["day"] = Kind.Integer,
        ["month"] = Kind.Integer,
        ["year"] = Kind.Integer,
        ["hand"] = Kind.StringOrInteger,
        ["level"] = Kind.Integer,
        ["seats"] = Kind.Integers,
        ["seat_count"] = Kind.Integer,
        ["table"] = Kind.StringOrInteger,
        ["players"] = Kind.Strings,
        ["winnings"] = Kind.Numbers,
        ["currency"] = Kind.String,
        ["currency_symbol"] = Kind.String,
        ["time_limit"] = Kind.Number,
        ["time_banks"] = Kind.Numbers,
    };

    /// <summary>The game fields (and <c>finishing_stacks</c>): <see cref="PhhDocument"/> holds them as properties.</summary>
    public static readonly string[] Game =
    [
        "variant", "ante_trimming_status", "antes", "blinds_or_straddles", "bring_in", "small_bet", "big_bet", "min_bet",
        "starting_stacks", "actions", "finishing_stacks",
    ];

    /// <summary>The name a field is written under: a standard or user-defined name as it is, any other with a leading underscore.</summary>
    public static string WrittenName(string key) =>
        key.StartsWith('_') || Optional.ContainsKey(key) ? key : "_" + key;

    /// <summary>
    /// The value a standard field is written with: a local time for <c>time</c> (<see cref="TimeOnly"/>, or text such as
    /// <c>14:03:22</c>); otherwise the value itself, which must have the field's type.
    /// </summary>
    public static object Checked(string key, object value)
    {
        if (!Optional.TryGetValue(key, out var kind))
        {
            return value;
        }

        var fits = kind switch
        {
            Kind.String => value is string,
            Kind.LocalTime => value is TimeOnly,
            Kind.Integer => IsInteger(value),
            Kind.StringOrInteger => value is string || IsInteger(value),
            Kind.Number => IsNumber(value),
            Kind.Integers => value is IEnumerable list && value is not string && list.Cast<object>().All(IsInteger),
            Kind.Strings => value is IEnumerable list && value is not string && list.Cast<object>().All(item => item is string),
            Kind.Numbers => value is IEnumerable list && value is not string && list.Cast<object>().All(IsNumber),
            _ => false,
        };
        if (fits)
        {
            return value;
        }

        if (kind == Kind.LocalTime && value is string text &&
            TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new InvalidOperationException(
            $"PHH field '{key}' must be {Describe(kind)}, not {value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'");
    }

    private static bool IsInteger(object value) => value is long or int or short or sbyte or byte or ushort or uint;

    private static bool IsNumber(object value) => IsInteger(value) || value is double or float or decimal;

    private static string Describe(Kind kind) => kind switch
    {
        Kind.String => "a string",
        Kind.LocalTime => "a local time (TimeOnly, or text like 14:03:22)",
        Kind.Integer => "an integer",
        Kind.StringOrInteger => "a string or an integer",
        Kind.Number => "a number",
        Kind.Integers => "a list of integers",
        Kind.Strings => "a list of strings",
        _ => "a list of numbers",
    };
}
