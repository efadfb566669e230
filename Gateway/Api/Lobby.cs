using System.Security.Cryptography;

namespace Orleans.Poker.Gateway.Api;

/// <summary>Lobby helpers of the gateway.</summary>
public static class Lobby
{
    /// <summary>A new table id: 12 lowercase letters and digits (unguessable, so private tables cannot be found).</summary>
    public static string NewTableId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return "t" + RandomNumberGenerator.GetString(alphabet, 15);
    }
}
