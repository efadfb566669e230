namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>
/// A request the poker room refuses, with a stable machine-readable <see cref="Code"/> and a message that says
/// what was wrong. Nothing changed when it is thrown. The gateway maps it to a 4xx problem+json answer.
/// </summary>
[GenerateSerializer, Alias("poker.error.v1")]
public sealed class PokerException : Exception
{
    public PokerException(string code, string message, int status = 400)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    /// <summary>Stable error code such as <c>not_your_turn</c> or <c>insufficient_balance</c>.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>The HTTP status that fits: 400 invalid, 403 forbidden, 404 not found, 409 conflict.</summary>
    [Id(1)]
    public int Status { get; }

    /// <summary>For a 429: whole seconds until the request may succeed (the gateway's <c>Retry-After</c>).</summary>
    [Id(2)]
    public int? RetryAfterSeconds { get; init; }

    public static PokerException NotFound(string what) => new("not_found", $"{what} does not exist", 404);

    public static PokerException Forbidden(string message) => new("forbidden", message, 403);

    public static PokerException Conflict(string code, string message) => new(code, message, 409);
}
