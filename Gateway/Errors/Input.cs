using System.Text.RegularExpressions;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Gateway.Errors;

/// <summary>Input checks at the edge: every failure is a 400 <see cref="PokerException"/> that names the field.</summary>
public static partial class Input
{
    public const int MaxPageSize = 100;

    /// <summary>A table id (letters, digits, '-' and '_', 1..64).</summary>
    public static string TableId(string? id) =>
        TableIds.IsValid(id) ? id! : throw Invalid("tableId", "must be 1..64 letters, digits, '-' or '_'");

    /// <summary>An optional table id: null stays null, anything else must be a <see cref="TableId"/>.</summary>
    public static string? OptionalTableId(string? id) => id is null ? null : TableId(id);

    /// <summary>A template id (lowercase letters, digits and '-', 1..48).</summary>
    public static string TemplateId(string? id) =>
        id is { Length: > 0 and <= 48 } && TemplatePattern().IsMatch(id) ? id : throw Invalid("templateId", "must be 1..48 lowercase letters, digits or '-'");

    /// <summary>A chip amount: 0..max.</summary>
    public static long Chips(long amount, string field, long max = TemplateValidator.MaxChips) =>
        amount is >= 0 && amount <= max ? amount : throw Invalid(field, $"must be between 0 and {max}");

    /// <summary>A signed correction within ±max (not zero).</summary>
    public static long Adjustment(long amount, long max = TemplateValidator.MaxChips) =>
        amount != 0 && amount >= -max && amount <= max ? amount : throw Invalid("amount", $"must be non-zero and within ±{max}");

    /// <summary>A seat number 0..9 or null.</summary>
    public static int? Seat(int? seat) => seat is null or (>= 0 and < 10) ? seat : throw Invalid("seat", "must be between 0 and 9");

    /// <summary>A hand number (1..).</summary>
    public static long HandNo(long handNo) => handNo > 0 ? handNo : throw Invalid("handNo", "must be positive");

    /// <summary>The turn an action answers: the hand number and the turn id of the view acted on (both 1..).</summary>
    public static TurnRef Turn(long handNo, long turnId) =>
        new(HandNo(handNo), turnId > 0 ? turnId : throw Invalid("turnId", "must be the turnId of the view acted on"));

    /// <summary>
    /// The client's number for an action (1..): a repeat of a number is answered with the first answer, so a missing
    /// one (0) would turn every later action into a repeat of the first.
    /// </summary>
    public static long ClientSeq(long clientSeq) => clientSeq > 0 ? clientSeq : throw Invalid("clientSeq", "must be positive, a new one for each action");

    /// <summary>A pre-action (null: clear it); the amount only for a call, the amount to call it was chosen for.</summary>
    public static PreAction? PreAction(PreActionKind? kind, long amount) => kind switch
    {
        null => null,
        { } k when !Enum.IsDefined(k) => throw Invalid("kind", "must be CheckFold, Check, Call or CallAny"),
        PreActionKind.Call => new PreAction(PreActionKind.Call, Chips(amount, "amount")),
        { } k => new PreAction(k),
    };

    /// <summary>An optional value of <typeparamref name="T"/> named in a query (by name or number): null stays null, a number no value has is refused.</summary>
    public static T? Known<T>(T? value, string field) where T : struct, Enum =>
        value is { } v && !Enum.IsDefined(v) ? throw Invalid(field, $"must be one of {string.Join(", ", Enum.GetNames<T>())}") : value;

    /// <summary>A positive player id (robots are negative; neither admins nor players address them).</summary>
    public static long PlayerId(long id) => id != 0 ? id : throw Invalid("playerId", "must not be 0");

    /// <summary>Trimmed text of 1..max characters with no control characters or direction overrides (<see cref="Grains.Interfaces.Common.Text.IsLayoutControl"/>).</summary>
    public static string Text(string? value, string field, int max) =>
        Grains.Interfaces.Common.Text.Line(value, max) ?? throw TextInvalid(field, max);

    /// <summary>The refusal of a text field that is not 1..max characters of one line (<see cref="Text"/>).</summary>
    public static PokerException TextInvalid(string field, int max) =>
        Invalid(field, $"must be 1..{max} characters of visible text on one line, without control characters or direction overrides");

    /// <summary>An optional client-chosen request id (1..64 letters, digits, '-' or '_'): null stays null.</summary>
    public static string? RequestId(string? id) =>
        id is null || TableIds.IsValid(id) ? id : throw Invalid("requestId", "must be 1..64 letters, digits, '-' or '_'");

    /// <summary>Optional text: null stays null.</summary>
    public static string? OptionalText(string? value, string field, int max) => value is null ? null : Text(value, field, max);

    /// <summary>Paging: page 1.., size 1..100 (default 20); returns skip and take.</summary>
    public static (int Page, int PageSize, int Skip) Page(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? 20;
        if (p is < 1 or > 100_000)
        {
            throw Invalid("page", "must be between 1 and 100000");
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw Invalid("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        return (p, size, (p - 1) * size);
    }

    /// <summary>A language the client is translated to.</summary>
    public static string? Language(string? language) =>
        language is null or "en" or "fa" ? language : throw Invalid("language", "must be 'en' or 'fa'");

    /// <summary>Cards to discard: up to 5 two-character card strings.</summary>
    public static IReadOnlyList<string>? Cards(IReadOnlyList<string>? cards) =>
        cards is null || (cards.Count <= 5 && cards.All(c => c is { Length: 2 } && CardPattern().IsMatch(c)))
            ? cards
            : throw Invalid("cards", "must be up to 5 cards like 'Ah'");

    /// <summary>An insight severity (<c>info</c>, <c>warning</c>, <c>critical</c>; any case) or null.</summary>
    public static InsightSeverity? Severity(string? severity) => severity?.ToLowerInvariant() switch
    {
        null => null,
        "info" => InsightSeverity.Info,
        "warning" => InsightSeverity.Warning,
        "critical" => InsightSeverity.Critical,
        _ => throw Invalid("severity", "must be info, warning or critical"),
    };

    /// <summary>An optional yes/no (<c>true</c>/<c>false</c>): null stays null.</summary>
    public static bool? Flag(string? value, string field) =>
        value is null ? null : bool.TryParse(value, out var flag) ? flag : throw Invalid(field, "must be true or false");
    /// <summary>A leaderboard's period: day (default), week or all.</summary>
    public static LeaderboardPeriod Period(string? period) => period switch
    {
        null or "day" => LeaderboardPeriod.Day,
        "week" => LeaderboardPeriod.Week,
        "all" => LeaderboardPeriod.All,
        _ => throw Invalid("period", "must be 'day', 'week' or 'all'"),
    };

    /// <summary>What a leaderboard ranks by: profit (default) or hands.</summary>
    public static LeaderboardOrder RankedBy(string? by) => by switch
    {
        null or "profit" => LeaderboardOrder.Profit,
        "hands" => LeaderboardOrder.Hands,
        _ => throw Invalid("by", "must be 'profit' or 'hands'"),
    };

    /// <summary>How many of the top entries: 1..100 (default 10).</summary>
    public static int Take(int? take) => take switch
    {
        null => 10,
        >= 1 and <= MaxPageSize => take.Value,
        _ => throw Invalid("take", $"must be between 1 and {MaxPageSize}"),
    };

    /// <summary>An optional ledger kind by its name (<c>BuyIn</c> or <c>buy_in</c>, any case): null stays null.</summary>
    public static LedgerKind? LedgerKind(string? kind) =>
        kind is null ? null
        : Enum.GetValues<LedgerKind>().Where(k => string.Equals(k.ToString(), kind.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)).Select(k => (LedgerKind?)k).FirstOrDefault()
            ?? throw Invalid("kind", $"must be one of {string.Join(", ", Enum.GetNames<LedgerKind>())}");

    /// <summary>An optional time range: from must not be after to.</summary>
    public static void Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from > to)
        {
            throw Invalid("from", "must not be after to");
        }
    }

    public static PokerException Invalid(string field, string message) => new("invalid_input", $"{field} {message}", 400);

    // \z, not $: "$" also matches before a final line break.
    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex TemplatePattern();

    [GeneratedRegex("^[2-9TJQKA][cdhs]$")]
    private static partial Regex CardPattern();
}
