namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// The custom amount a player (key: their id) was asked to type in the bot, shared by the bot's processes: the amount is
/// asked for in the process that handled the button and typed into whichever one receives the message. Kept in memory
/// only: lost when the grain deactivates (the player presses the button again).
/// </summary>
[Alias("poker.pending-amount")]
public interface IPendingAmountGrain : IGrainWithIntegerKey
{
    /// <summary>The player is asked for <paramref name="amount"/> (replacing an earlier question).</summary>
    [Alias("Ask")]
    Task Ask(PendingAmount amount);

    /// <summary>The amount asked for, forgotten as it is answered (null when none was asked); ask again to keep it.</summary>
    [Alias("Take")]
    Task<PendingAmount?> Take();
}
