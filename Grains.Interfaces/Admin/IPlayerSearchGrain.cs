using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>Finds players for admins (key 0): by display name, username or Telegram id.</summary>
[Alias("poker.player-search")]
public interface IPlayerSearchGrain : IGrainWithIntegerKey
{
    /// <summary>The most players one search returns.</summary>
    public const int MaxResults = 20;

    /// <summary>The shortest and longest text a search takes.</summary>
    public const int MinLength = 2;

    /// <inheritdoc cref="MinLength"/>
    public const int MaxLength = 64;

    /// <summary>
    /// Players whose display name or username contains <paramref name="text"/> (any case), or whose Telegram id or
    /// player id is <paramref name="text"/>, by display name; at most <see cref="MaxResults"/>. Text shorter than
    /// <see cref="MinLength"/> or longer than <see cref="MaxLength"/> throws <c>invalid_search</c>.
    /// </summary>
    [Alias("Search")]
    Task<IReadOnlyList<PlayerProfile>> Search(string text);
}
