namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What the player to act may do, with the amounts the engine allows.</summary>
[GenerateSerializer, Immutable, Alias("poker.legal-actions.v1")]
public sealed record LegalActions
{
    [Id(0)] public bool CanFold { get; init; }

    [Id(1)] public bool CanCheck { get; init; }

    /// <summary>Chips needed to call (0 when there is nothing to call); null when calling is not possible.</summary>
    [Id(2)] public long? CallAmount { get; init; }

    [Id(3)] public bool CanBetOrRaise { get; init; }

    /// <summary>Smallest legal bet/raise-to total (fixed limit: the only size).</summary>
    [Id(4)] public long MinRaiseTo { get; init; }

    /// <summary>Largest legal bet/raise-to total (stack, pot-limit maximum or fixed-limit size).</summary>
    [Id(5)] public long MaxRaiseTo { get; init; }

    /// <summary>Stud: the bring-in amount when posting it is allowed.</summary>
    [Id(6)] public long? BringIn { get; init; }

    /// <summary>Draw games: how many cards may be discarded (min..max); null outside a draw.</summary>
    [Id(7)] public int? DiscardMin { get; init; }

    [Id(8)] public int? DiscardMax { get; init; }
}
