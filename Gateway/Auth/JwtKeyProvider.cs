using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// The token key ring: <c>POKER__Auth__JwtKey</c> signs access tokens (else, outside production, a random key for this
/// process; production without one refuses to start), and it with <c>POKER__Auth__JwtAcceptedKeys</c> verifies them,
/// so a key can be rotated without signing anybody out. Refresh tokens are authenticated with keys derived from
/// the same ring.
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
            Key = Checked(configured, "POKER__Auth__JwtKey");
        }

        VerificationKeys = [Key, .. ListSetting.Items(options.Auth.JwtAcceptedKeys).Select(k => Checked(k, "POKER__Auth__JwtAcceptedKeys"))];
        RefreshKeys = [.. VerificationKeys.Select(k => RefreshToken.DeriveKey(k.Key))];
    }

    /// <summary>The key that signs new access tokens.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>Every key an access token may be signed with: <see cref="Key"/> first.</summary>
    public IReadOnlyList<SymmetricSecurityKey> VerificationKeys { get; }

    /// <summary>The key authenticating new refresh tokens (<see cref="RefreshToken"/>), derived from <see cref="Key"/>.</summary>
    public byte[] RefreshKey => RefreshKeys[0];

    /// <summary>Every key a refresh token may be authenticated with, derived from <see cref="VerificationKeys"/> in order.</summary>
    public IReadOnlyList<byte[]> RefreshKeys { get; }

    /// <summary>True when the key was generated at start (tokens do not survive a restart or work on other gateways).</summary>
    public bool Generated { get; }

    private static SymmetricSecurityKey Checked(string key, string variable)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"A key in {variable} is too short: use at least 32 characters.");
    }
}
