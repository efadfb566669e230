using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>Why and since when a player is banned, and by which admin. A banned player cannot sign in, play or buy in.</summary>
[GenerateSerializer, Immutable, Alias("poker.player-ban.v1")]
public sealed record PlayerBan(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long AdminId,
    [property: Id(2)] string Reason)
{
    /// <summary>The longest reason a ban or an unban takes.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// A ban's or an unban's reason as stored: trimmed, 1 to <see cref="MaxReasonLength"/> characters on one line
    /// (<see cref="Text.Line"/>); null when it is not. The player grain refuses others, and the gateway and the bot
    /// check it before the action's audit entry is written (a bad reason changes nothing, not even the log).
    /// </summary>
    public static string? CheckReason(string? reason) => Text.Line(reason, MaxReasonLength);

    /// <summary>The code of the refusal a banned player gets.</summary>
    public const string Code = "banned";
}
