using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// A refresh token: generation <see cref="Generation"/> of the rotation family <see cref="Family"/>, written as
/// base64url(family[16] | generation[4, big-endian] | HMAC-SHA256(refresh key, family | generation)). Sign-in starts
/// a family at generation 0 and every rotation issues the next generation, so the gateway can compute (and revoke)
/// every descendant of a token it is shown, while nobody without the key can forge or guess one. The key is derived
/// from the shared access-token key, so every gateway reads and writes the same tokens.
/// </summary>
public readonly record struct RefreshToken(string Family, int Generation)
{
    /// <summary>Rotations one family allows before its owner must sign in again (bounds a revocation walk).</summary>
    public const int MaxGeneration = 10_000;

    private const int FamilyBytes = 16;
    private const int MacBytes = 32;
    private const int Length = FamilyBytes + sizeof(int) + MacBytes;

    /// <summary>A new family's first token.</summary>
    public static RefreshToken NewFamily() => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(FamilyBytes)), 0);

    /// <summary>The token this one rotates into.</summary>
    public RefreshToken Next() => this with { Generation = Generation + 1 };

    /// <summary>The key refresh tokens are authenticated with, derived from the access-token signing key.</summary>
    public static byte[] DeriveKey(byte[] signingKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, MacBytes, salt: [], info: Encoding.ASCII.GetBytes("orleans-poker refresh-token v1"));

    /// <summary>The token's text, authenticated with <paramref name="key"/>.</summary>
    public string Encode(byte[] key)
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteBody(bytes);
        HMACSHA256.HashData(key, bytes[..(FamilyBytes + sizeof(int))], bytes[(FamilyBytes + sizeof(int))..]);
        return Base64UrlEncoder.Encode(bytes.ToArray());
    }

    /// <summary>Reads a token; null when it is malformed or its MAC does not match (forged, or from another key).</summary>
    public static RefreshToken? Decode(string? text, byte[] key)
    {
        if (text is not { Length: > 20 and < 100 })
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != Length)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key, bytes.AsSpan(0, FamilyBytes + sizeof(int)), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(FamilyBytes + sizeof(int))))
        {
            return null;
        }

        var generation = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(FamilyBytes, sizeof(int)));
        return generation is >= 0 and <= MaxGeneration ? new RefreshToken(Convert.ToHexStringLower(bytes.AsSpan(0, FamilyBytes)), generation) : null;
    }

    /// <summary>Short family id for logs (the family alone grants nothing).</summary>
    public string LogId => Family[..8];

    private void WriteBody(Span<byte> bytes)
    {
        Convert.FromHexString(Family, bytes[..FamilyBytes], out _, out _);
        BinaryPrimitives.WriteInt32BigEndian(bytes.Slice(FamilyBytes, sizeof(int)), Generation);
    }
}
