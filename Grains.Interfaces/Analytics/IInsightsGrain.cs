namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// The room's insights (key <see cref="Key"/>), as the analytics grain stores them: the admins' list and
/// acknowledgement, and their delivery to the admins' Telegram chat by the bot processes (one at a time: a batch is
/// leased to one bot until it confirms it or the lease runs out).
/// </summary>
[Alias("poker.insights")]
public interface IInsightsGrain : IGrainWithStringKey
{
    public const string Key = "room";

    /// <summary>The insights a search asks for, newest first.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<Insight>> Search(InsightQuery query);

    /// <summary>
    /// Marks insight <paramref name="insightId"/> acknowledged by <paramref name="adminId"/> (the first acknowledgement
    /// stays); returns it. An unknown id is refused (<c>not_found</c>, 404).
    /// </summary>
    [Alias("Acknowledge")]
    Task<Insight> Acknowledge(long insightId, long adminId);

    /// <summary>
    /// Up to <paramref name="max"/> warning and critical insights not yet posted to the admins' chat, oldest first,
    /// leased to <paramref name="owner"/> (a bot process) for a while; another owner gets none meanwhile.
    /// </summary>
    [Alias("ClaimForChat")]
    Task<IReadOnlyList<Insight>> ClaimForChat(string owner, int max);

    /// <summary>Records that <paramref name="insightIds"/> were posted to the admins' chat; ends <paramref name="owner"/>'s lease.</summary>
    [Alias("ConfirmChat")]
    Task ConfirmChat(string owner, IReadOnlyList<long> insightIds);
}
