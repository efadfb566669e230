namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>Why a player's balance changed. Every change is one of these, recorded in the ledger.</summary>
public enum LedgerKind
{
    /// <summary>Play money issued on registration.</summary>
    Grant,

    /// <summary>Chips moved from the balance to a table.</summary>
    BuyIn,

    /// <summary>Chips moved from a table back to the balance.</summary>
    CashOut,

    /// <summary>An admin's correction, with a reason in the audit log.</summary>
    AdminAdjustment,

    /// <summary>The daily top-up of play money.</summary>
    TopUp,

    /// <summary>A sit-and-go prize.</summary>
    Prize,

    /// <summary>A hand's rake, from its table to the house account (<see cref="HouseAccount"/>).</summary>
    Rake,
}
