using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Admin;

/// <summary>Serves the player store's search to the gateway and the bot, which have no database access of their own.</summary>
[StatelessWorker]
public sealed class PlayerSearchGrain(IPlayerStore players) : Grain, IPlayerSearchGrain
{
    public Task<IReadOnlyList<PlayerProfile>> Search(string text)
    {
        var trimmed = text?.Trim().TrimStart('@') ?? "";
        if (trimmed.Length is < IPlayerSearchGrain.MinLength or > IPlayerSearchGrain.MaxLength || trimmed.Any(char.IsControl))
        {
            throw new PokerException(
                "invalid_search",
                $"Search for {IPlayerSearchGrain.MinLength} to {IPlayerSearchGrain.MaxLength} characters of a name, a username or a Telegram id.");
        }

        return players.SearchAsync(trimmed, IPlayerSearchGrain.MaxResults);
    }
}
