namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>Who a player is. <see cref="TelegramId"/> is null for guests.</summary>
[GenerateSerializer, Immutable, Alias("poker.player-profile.v1")]
public sealed record PlayerProfile
{
    /// <summary>The longest display name kept (UTF-16 characters); longer ones are cut (<see cref="CleanName"/>).</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// A display name as it is kept: plain text (<see cref="Common.Text.Plain"/>: no line breaks or direction overrides),
    /// trimmed, and cut to <see cref="MaxNameLength"/> between whole characters; empty when there is none (or nothing
    /// visible: <see cref="Common.Text.Invisible"/>).
    /// </summary>
    public static string CleanName(string? name)
    {
        var clean = Common.Text.Clip(Common.Text.Plain(name ?? "").Trim(), MaxNameLength);
        return Common.Text.Invisible(clean) ? "" : clean;
    }

    [Id(0)] public long PlayerId { get; init; }

    [Id(1)] public long? TelegramId { get; init; }

    [Id(2)] public string DisplayName { get; init; } = "";

    [Id(3)] public string? Username { get; init; }

    /// <summary>Two-letter language code: <c>en</c> or <c>fa</c>.</summary>
    [Id(4)] public string Language { get; init; } = "en";

    [Id(5)] public bool IsGuest { get; init; }

    [Id(6)] public bool IsRobot { get; init; }

    /// <summary>The bot could not reach the player's chat (they blocked it).</summary>
    [Id(7)] public bool Unreachable { get; init; }

    [Id(8)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The player wrote to the bot in its private chat (they started it), so the bot may message them there while
    /// they are not <see cref="Unreachable"/>. Signing in through the mini-app alone does not set it.
    /// </summary>
    [Id(9)] public bool BotChat { get; init; }

    /// <summary>Whether the bot may write to the player's private chat now: a Telegram player who started the bot and has not blocked it.</summary>
    public bool CanMessage => BotChat && !Unreachable && !IsGuest && !IsRobot && TelegramId is not null;
}
