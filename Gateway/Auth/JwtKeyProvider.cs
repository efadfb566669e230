using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// The access-token signing key: <c>POKER__Auth__JwtKey</c>, else (outside production) a random key for this
/// process. Production without a key refuses to start. Refresh tokens are authenticated with a key derived from it.
/// </summary>
public sealed class JwtKeyProvider
{
    public JwtKeyProvider(PokerOptions options)
    {
        var configured = options.Auth.JwtKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (options.IsProduction)
            {
                throw new InvalidOperationException(
                    "POKER__Auth__JwtKey is not set. Production needs a shared access-token signing key of at least 32 characters (e.g. `openssl rand -base64 48`).");
            }

            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
            Generated = true;
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("POKER__Auth__JwtKey is too short: use at least 32 characters.");
            }

            Key = new SymmetricSecurityKey(bytes);
        }

        RefreshKey = RefreshToken.DeriveKey(Key.Key);
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>The key authenticating refresh tokens (<see cref="RefreshToken"/>), derived from <see cref="Key"/>.</summary>
    public byte[] RefreshKey { get; }

    /// <summary>True when the key was generated at start (tokens do not survive a restart or work on other gateways).</summary>
    public bool Generated { get; }
}
