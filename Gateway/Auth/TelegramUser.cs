using System.Text.Json.Serialization;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>The <c>user</c> field of Telegram initData.</summary>
public sealed record TelegramUser
{
    [JsonPropertyName("id")] public long Id { get; init; }

    [JsonPropertyName("first_name")] public string? FirstName { get; init; }

    [JsonPropertyName("last_name")] public string? LastName { get; init; }

    [JsonPropertyName("username")] public string? Username { get; init; }

    [JsonPropertyName("language_code")] public string? LanguageCode { get; init; }

    /// <summary>First and last name, or the username, trimmed to 64 characters.</summary>
    public string DisplayName()
    {
        var name = string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s))).Trim();
        if (name.Length == 0)
        {
            name = Username ?? $"Player {Id}";
        }

        return name.Length > 64 ? name[..64] : name;
    }
}
