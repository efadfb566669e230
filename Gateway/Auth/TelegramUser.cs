using System.Text.Json.Serialization;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>The <c>user</c> field of Telegram initData.</summary>
public sealed record TelegramUser
{
    [JsonPropertyName("id")] public long Id { get; init; }

    [JsonPropertyName("first_name")] public string? FirstName { get; init; }

    [JsonPropertyName("last_name")] public string? LastName { get; init; }

    [JsonPropertyName("username")] public string? Username { get; init; }

    [JsonPropertyName("language_code")] public string? LanguageCode { get; init; }

    /// <summary>First and last name, or the username, as a player's name is kept (<see cref="PlayerProfile.CleanName"/>).</summary>
    public string DisplayName()
    {
        var name = PlayerProfile.CleanName(string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))));
        var username = PlayerProfile.CleanName(Username);
        return name.Length > 0 ? name : username.Length > 0 ? username : $"Player {Id}";
    }
}
