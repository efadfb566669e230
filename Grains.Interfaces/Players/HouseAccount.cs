namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>
/// The room's own account: every hand's rake is moved to it through the same idempotent ledger as players' chips, so
/// players' balances + chips on tables + the house = all chips ever issued. It never plays, claims or signs in.
/// </summary>
public static class HouseAccount
{
    /// <summary>Its player id (no Telegram user, guest or robot id is negative).</summary>
    public const long PlayerId = -1;

    public const string Name = "House";
}
