using System.Security.Cryptography;
using System.Text;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>Constant-time check of <c>X-Telegram-Bot-Api-Secret-Token</c>; no configured secret accepts nothing.</summary>
internal static class WebhookSecret
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>True when <paramref name="presented"/> is one of <paramref name="accepted"/> (every one is compared).</summary>
    public static bool MatchesAny(string? presented, IReadOnlyList<string> accepted)
    {
        var matched = false;
        foreach (var secret in accepted)
        {
            matched |= Matches(presented, secret);
        }

        return matched;
    }

    public static bool Matches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Hashing first gives equal lengths, so the comparison time says nothing about the secret's length either.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
