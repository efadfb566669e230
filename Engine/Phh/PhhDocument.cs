using System.Globalization;
using System.Text;
using Orleans.Poker.Engine.Rules;
using Tomlyn;
using Tomlyn.Model;

namespace Orleans.Poker.Engine.Phh;

/// <summary>
/// A PHH (Poker Hand History) document: the game fields, the actions and the optional descriptive fields.
/// <see cref="Parse"/> reads TOML (comments, double or single quotes, multi-line arrays, <c>??</c> cards);
/// <see cref="ToToml"/> writes it back.
/// </summary>
public sealed class PhhDocument
{
    public string Variant { get; set; } = "NT";

    public bool AnteTrimmingStatus { get; set; }

    public List<long> Antes { get; set; } = [];

    public List<long>? BlindsOrStraddles { get; set; }

    public long? BringIn { get; set; }

    public long? SmallBet { get; set; }

    public long? BigBet { get; set; }

    public long? MinBet { get; set; }

    public List<long> StartingStacks { get; set; } = [];

    public List<string> Actions { get; set; } = [];

    public List<long>? FinishingStacks { get; set; }

    /// <summary>
    /// Other fields (event, players, hand, url, user-defined <c>_...</c> fields) in file order, as TOML values: string,
    /// long (or another integer type), double, bool, <see cref="TimeOnly"/> (a TOML local time, as the standard's
    /// <c>time</c>), <see cref="DateOnly"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, lists, and
    /// dictionaries with string keys (inline tables). <see cref="ToToml"/> writes a field of the PHH standard with its
    /// standard type (<c>time</c> given as text like <c>14:03:22</c> becomes a local time) and any other field under a
    /// name that starts with an underscore, as the standard wants for user-defined fields: <c>rake</c> is written
    /// <c>_rake</c> (PokerKit would read <c>rake</c> as its rake function). Game fields here are ignored.
    /// </summary>
    public Dictionary<string, object> Extra { get; } = new(StringComparer.Ordinal);

    /// <summary>1-based TOML line of each action, when parsed from text (0 when unknown).</summary>
    public List<int> ActionLines { get; } = [];

    /// <summary>The rules of the hand this document describes.</summary>
    public HandConfig ToConfig()
    {
        var variant = Rules.Variants.Find(Variant) ?? throw new PhhFormatException($"unknown variant '{Variant}'");
        var config = new HandConfig
        {
            Variant = variant,
            StartingStacks = StartingStacks.ToArray(),
            Antes = Antes.ToArray(),
            BlindsOrStraddles = BlindsOrStraddles?.ToArray() ?? [],
            BringIn = BringIn ?? 0,
            SmallBet = SmallBet ?? 0,
            BigBet = BigBet ?? 0,
            MinBet = MinBet ?? 0,
            AnteTrimming = AnteTrimmingStatus,
        };
        var problem = config.Validate();
        return problem is null ? config : throw new PhhFormatException(problem);
    }

    public static PhhDocument Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Reads PHH text; malformed input throws <see cref="PhhFormatException"/> naming the line.</summary>
    public static PhhDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? throw new PhhFormatException("empty document");
        }
        catch (TomlException e)
        {
            throw new PhhFormatException($"invalid TOML: {e.Message}", e.Line > 0 ? e.Line : null, null, e);
        }

        var document = new PhhDocument();
        foreach (var (key, value) in table)
        {
            var line = LineOf(text, key);
            switch (key)
            {
                case "variant":
                    document.Variant = value as string ?? throw new PhhFormatException("variant must be a string", line);
                    if (Rules.Variants.Find(document.Variant) is null)
                    {
                        throw new PhhFormatException($"unknown variant '{document.Variant}'", line);
                    }

                    break;
                case "ante_trimming_status":
                    document.AnteTrimmingStatus = value is bool b ? b : throw new PhhFormatException("ante_trimming_status must be true or false", line);
                    break;
                case "antes":
                    document.Antes = Numbers(value, key, line);
                    break;
                case "blinds_or_straddles":
                    document.BlindsOrStraddles = Numbers(value, key, line);
                    break;
                case "bring_in":
                    document.BringIn = Number(value, key, line);
                    break;
                case "small_bet":
                    document.SmallBet = Number(value, key, line);
                    break;
                case "big_bet":
                    document.BigBet = Number(value, key, line);
                    break;
                case "min_bet":
                    document.MinBet = Number(value, key, line);
                    break;
                case "starting_stacks":
                    document.StartingStacks = Numbers(value, key, line);
                    break;
                case "finishing_stacks":
                    document.FinishingStacks = Numbers(value, key, line);
                    break;
                case "actions":
                    if (value is not TomlArray actions)
                    {
                        throw new PhhFormatException("actions must be an array of strings", line);
                    }

                    var searchFrom = 0;
                    foreach (var item in actions)
                    {
                        if (item is not string action)
                        {
                            throw new PhhFormatException($"action {document.Actions.Count} is not a string", line, document.Actions.Count);
                        }

                        document.Actions.Add(action);
                        var found = text.IndexOf(action, searchFrom, StringComparison.Ordinal);
                        if (found >= 0)
                        {
                            searchFrom = found + action.Length;
                            document.ActionLines.Add(LineAt(text, found));
                        }
                        else
                        {
                            document.ActionLines.Add(0);
                        }
                    }

                    break;
                default:
                    document.Extra[key] = Plain(value);
                    break;
            }
        }

        if (!table.ContainsKey("variant"))
        {
            throw new PhhFormatException("missing required field 'variant'");
        }

        foreach (var required in new[] { "antes", "starting_stacks", "actions" })
        {
            if (!table.ContainsKey(required))
            {
                throw new PhhFormatException($"missing required field '{required}'");
            }
        }

        var n = document.StartingStacks.Count;
        if (n < 2)
        {
            throw new PhhFormatException("starting_stacks needs at least two players", LineOf(text, "starting_stacks"));
        }

        Check(document.Antes.Count == n, $"antes has {document.Antes.Count} entries for {n} players", LineOf(text, "antes"));
        if (document.BlindsOrStraddles is { } blinds)
        {
            Check(blinds.Count == n, $"blinds_or_straddles has {blinds.Count} entries for {n} players", LineOf(text, "blinds_or_straddles"));
        }

        if (document.FinishingStacks is { } finishing)
        {
            Check(finishing.Count == n, $"finishing_stacks has {finishing.Count} entries for {n} players", LineOf(text, "finishing_stacks"));
        }

        var variant = Rules.Variants.Get(document.Variant);
        if (variant.Betting == BettingStructure.FixedLimit)
        {
            Check(document.SmallBet is not null && document.BigBet is not null, $"{variant.Code} needs small_bet and big_bet", null);
        }
        else
        {
            Check(document.MinBet is not null, $"{variant.Code} needs min_bet", null);
        }

        Check(variant.UsesBringIn ? document.BringIn is not null : document.BlindsOrStraddles is not null,
            variant.UsesBringIn ? $"{variant.Code} needs bring_in" : $"{variant.Code} needs blinds_or_straddles", null);
        return document;
    }

    /// <summary>Writes the document as PHH TOML.</summary>
    public string ToToml()
    {
        var builder = new StringBuilder();
        builder.Append("variant = ").Append(Quote(Variant)).Append('\n');
        builder.Append("ante_trimming_status = ").Append(AnteTrimmingStatus ? "true" : "false").Append('\n');
        builder.Append("antes = ").Append(List(Antes)).Append('\n');
        if (BlindsOrStraddles is not null)
        {
            builder.Append("blinds_or_straddles = ").Append(List(BlindsOrStraddles)).Append('\n');
        }

        AppendNumber(builder, "bring_in", BringIn);
        AppendNumber(builder, "small_bet", SmallBet);
        AppendNumber(builder, "big_bet", BigBet);
        AppendNumber(builder, "min_bet", MinBet);
        builder.Append("starting_stacks = ").Append(List(StartingStacks)).Append('\n');
        builder.Append("actions = [");
        for (var i = 0; i < Actions.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(Quote(Actions[i]));
        }

        builder.Append("]\n");
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Extra)
        {
            if (Array.IndexOf(PhhFields.Game, key) >= 0)
            {
                continue;
            }

            var name = PhhFields.WrittenName(key);
            var text = Value(PhhFields.Checked(key, value));
            if (written.TryGetValue(name, out var earlier))
            {
                // 'rake' and '_rake' are one field once written; the same value twice is written once.
                if (earlier != text)
                {
                    throw new InvalidOperationException($"fields '{key}' and '{name}' are both written as '{name}', with {earlier} and {text}");
                }

                continue;
            }

            written.Add(name, text);
            builder.Append(Key(name)).Append(" = ").Append(text).Append('\n');
        }

        if (FinishingStacks is not null)
        {
            builder.Append("finishing_stacks = ").Append(List(FinishingStacks)).Append('\n');
        }

        return builder.ToString();
    }

    private static void AppendNumber(StringBuilder builder, string key, long? value)
    {
        if (value is long v)
        {
            builder.Append(key).Append(" = ").Append(v.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string List(IEnumerable<long> values) => "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Key(string key)
    {
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
            {
                return Quote(key);
            }
        }

        return key.Length > 0 ? key : Quote(key);
    }

    /// <summary>A value as TOML text.</summary>
    private static string Value(object value) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        long or int or short or sbyte or byte or ushort or uint => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        ulong u when u <= long.MaxValue => u.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        float f => Float(f),
        decimal m => Float((double)m),
        TimeOnly t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString(d.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object>> table => "{" + string.Join(", ", table.Select(p => Key(p.Key) + " = " + Value(p.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object>().Select(Value)) + "]",
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A parsed TOML value as a plain .NET value (see <see cref="Extra"/>).</summary>
    private static object Plain(object? value) => value switch
    {
        TomlArray array => array.Select(Plain).ToList(),
        TomlTable table => table.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        TomlDateTime date => date.Kind switch
        {
            TomlDateTimeKind.LocalTime => TimeOnly.FromTimeSpan(date.DateTime.TimeOfDay),
            TomlDateTimeKind.LocalDate => DateOnly.FromDateTime(date.DateTime.DateTime),
            TomlDateTimeKind.LocalDateTime => date.DateTime.DateTime,
            _ => date.DateTime,
        },
        null => string.Empty,
        string or bool or long or double or TimeOnly or DateOnly or DateTime or DateTimeOffset => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static void Check(bool condition, string message, int? line)
    {
        if (!condition)
        {
            throw new PhhFormatException(message, line);
        }
    }

    private static long Number(object? value, string key, int? line) => value switch
    {
        long l => l,
        double d when Math.Abs(d - Math.Round(d)) < 1e-9 => (long)Math.Round(d),
        double d => throw new PhhFormatException($"{key} = {d.ToString(CultureInfo.InvariantCulture)}: chip amounts must be whole numbers", line),
        _ => throw new PhhFormatException($"{key} must be a number", line),
    };

    private static List<long> Numbers(object? value, string key, int? line)
    {
        if (value is not TomlArray array)
        {
            throw new PhhFormatException($"{key} must be an array of numbers", line);
        }

        var result = new List<long>(array.Count);
        foreach (var item in array)
        {
            result.Add(Number(item, key, line));
        }

        return result;
    }

    private static int? LineOf(string text, string key)
    {
        var index = 0;
        while (true)
        {
            index = text.IndexOf(key, index, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
            if (index == 0 || text.AsSpan(lineStart, index - lineStart).Trim().IsEmpty)
            {
                return LineAt(text, index);
            }

            index += key.Length;
        }
    }

    private static int LineAt(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
