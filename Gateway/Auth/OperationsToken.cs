using System.Security.Cryptography;
using System.Text;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// <c>POKER__Auth__OperationsToken</c>: what the operations tooling (<c>poker-deploy maintenance</c>) presents in the
/// <see cref="Header"/> header. Checked at start-up (a token shorter than 32 characters refuses to start) and compared
/// in constant time.
/// </summary>
public sealed class OperationsToken
{
    public const string Header = "X-Poker-Operations-Token";

    private readonly byte[]? token;

    public OperationsToken(PokerOptions options)
    {
        var configured = options.Auth.OperationsToken;
        if (string.IsNullOrEmpty(configured))
        {
            return;
        }

        token = Encoding.UTF8.GetBytes(configured);
        if (token.Length < 32)
        {
            throw new InvalidOperationException("POKER__Auth__OperationsToken is too short: use at least 32 characters (e.g. `openssl rand -base64 48`).");
        }
    }

    /// <summary>False when no token is configured: the operations routes answer 404.</summary>
    public bool Configured => token is not null;

    /// <summary>Whether <paramref name="presented"/> is the token.</summary>
    public bool Accepts(string? presented) =>
        token is not null && presented is not null && CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(presented));
}
