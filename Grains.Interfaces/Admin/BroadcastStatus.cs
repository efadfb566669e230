namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>Where a broadcast stands: running (the bot sends it), paused (by an admin), done (everyone was reached) or cancelled.</summary>
public enum BroadcastStatus
{
    Running,
    Paused,
    Done,
    Cancelled,
}
