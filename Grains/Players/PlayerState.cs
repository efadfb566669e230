using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Players;

/// <summary>The persisted state of a <see cref="PlayerGrain"/>.</summary>
[GenerateSerializer, Alias("poker.player-state.v1")]
public sealed class PlayerState
{
    /// <summary>Null until the first <c>Register</c>.</summary>
    [Id(0)] public PlayerProfile? Profile { get; set; }

    [Id(1)] public long Balance { get; set; }

    [Id(2)] public PlayerStats Stats { get; set; } = new();

    [Id(3)] public List<string> Tables { get; set; } = [];

    /// <summary>The most recent applied transfer ids, oldest first (bounded).</summary>
    [Id(4)] public List<AppliedTransfer> AppliedTransfers { get; set; } = [];

    /// <summary>The ledger time of the newest transfer dropped from <see cref="AppliedTransfers"/>: older ones were applied.</summary>
    [Id(5)] public DateTimeOffset? ForgottenUpTo { get; set; }

    [Id(6)] public DateTimeOffset? LastTopUpAt { get; set; }

    /// <summary>Number of top-ups claimed; names the next top-up's transfer id so a retried claim is applied once.</summary>
    [Id(7)] public int TopUps { get; set; }

    /// <summary>Recently recorded hands ("table#hand"), so a retried <c>RecordHand</c> counts once.</summary>
    [Id(8)] public List<string> RecentHands { get; set; } = [];

    /// <summary>Players whose chat lines this player chose not to see (their own clients hide them).</summary>
    [Id(9)] public List<long> ChatMutes { get; set; } = [];

    /// <summary>The ban in force, or null.</summary>
    [Id(12)] public PlayerBan? Ban { get; set; }

    /// <summary>The player turned turn pings off (<see cref="PlayerSettings.TurnPings"/>); stored inverted so a state stored before the setting existed has them on.</summary>
    [Id(13)] public bool TurnPingsOff { get; set; }
}
