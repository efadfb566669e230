using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// The room-wide maintenance switch (key <see cref="Key"/>). While it is on no table starts a new hand (hands in play
/// finish) and players are told; switched off, every table deals again. Switching tells every open table before it
/// returns; a table that missed the word checks the switch on its watchdog, and a table created meanwhile reads it.
/// </summary>
[Alias("poker.maintenance")]
public interface IMaintenanceGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>
    /// The switch as it stands. Interleaved: a table asking while <see cref="Set"/> is telling every table (one of them
    /// may be the asker) gets the stored switch at once instead of waiting for the call that waits for it.
    /// </summary>
    [Alias("Get"), AlwaysInterleave]
    Task<MaintenanceStatus> Get();

    /// <summary>
    /// Turns maintenance on or off (<paramref name="by"/>: the admin, 0 for the operations tooling;
    /// <paramref name="message"/>: an optional note shown to players) and tells every open table; returns the new
    /// status. Setting it as it is changes nothing but the note.
    /// </summary>
    [Alias("Set")]
    Task<MaintenanceStatus> Set(bool on, long by, string? message);
}
