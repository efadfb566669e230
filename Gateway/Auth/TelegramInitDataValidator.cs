using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// Validates Telegram Mini App <c>initData</c>: secret = HMAC-SHA256(key "WebAppData", bot token); the data-check-string
/// is every field but <c>hash</c>, sorted by key, as <c>key=value</c> lines; the hash is compared in constant time and
/// <c>auth_date</c> must be recent.
/// </summary>
public sealed class TelegramInitDataValidator(string? botToken, TimeSpan maxAge, TimeProvider time)
{
    /// <summary>Longest initData accepted (Telegram's are well below 4 KB).</summary>
    public const int MaxLength = 8 * 1024;

    /// <summary>Returns the signed-in Telegram user or throws a 401 <see cref="PokerException"/> saying why not.</summary>
    public TelegramUser Validate(string? initData)
    {
        if (string.IsNullOrWhiteSpace(botToken))
        {
            throw new PokerException("telegram_disabled", "Telegram sign-in is not configured on this server", 400);
        }

        if (string.IsNullOrEmpty(initData) || initData.Length > MaxLength)
        {
            throw Invalid("initData is missing or too long");
        }

        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in initData.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                throw Invalid("initData is not a query string");
            }

            var key = Uri.UnescapeDataString(pair[..eq].Replace('+', ' '));
            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (!fields.TryAdd(key, value))
            {
                throw Invalid($"initData repeats the field {key}");
            }
        }

        if (!fields.Remove("hash", out var hash) || hash.Length != 64)
        {
            throw Invalid("initData has no valid hash");
        }

        var dataCheckString = string.Join('\n', fields.Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheckString));
        byte[] given;
        try
        {
            given = Convert.FromHexString(hash);
        }
        catch (FormatException)
        {
            throw Invalid("initData hash is not hexadecimal");
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw Invalid("initData signature does not match");
        }

        if (!fields.TryGetValue("auth_date", out var authDateText)
            || !long.TryParse(authDateText, NumberStyles.None, CultureInfo.InvariantCulture, out var authDate)
            || authDate > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Invalid("initData has no valid auth_date");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(authDate);
        if (age > maxAge)
        {
            throw new PokerException("init_data_expired", "initData is too old: open the mini-app again", 401);
        }

        if (!fields.TryGetValue("user", out var userJson))
        {
            throw Invalid("initData has no user");
        }

        TelegramUser? user;
        try
        {
            user = JsonSerializer.Deserialize<TelegramUser>(userJson);
        }
        catch (JsonException)
        {
            throw Invalid("initData user is not valid JSON");
        }

        if (user is null || user.Id <= 0)
        {
            throw Invalid("initData user has no valid id");
        }

        return user;
    }

    /// <summary>Signs fields the way Telegram does (tests and the fake Bot API use it).</summary>
    public static string Sign(string botToken, IReadOnlyDictionary<string, string> fields)
    {
        var dataCheckString = string.Join('\n', fields.Where(f => f.Key != "hash").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheckString)));
        return string.Join('&', fields.Where(f => f.Key != "hash").Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }

    private static PokerException Invalid(string message) => new("invalid_init_data", message, 401);
}
