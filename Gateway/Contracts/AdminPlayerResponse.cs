using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Admin: a player's page head: profile, balance, statistics, tables, the ban in force (or null) and whether they are an admin.</summary>
public sealed record AdminPlayerResponse(
    PlayerProfile Profile,
    long Balance,
    PlayerStats Stats,
    IReadOnlyList<string> Tables,
    PlayerBan? Ban,
    bool IsAdmin);
