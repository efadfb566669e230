using System.Globalization;

namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// Which Telegram updates a bot has processed, shared by every bot process behind one webhook. Update ids are
/// split into ranges of <see cref="RangeSize"/>; a bot's ranges share a ring of <see cref="Slots"/> grains keyed
/// <c>&lt;botId&gt;/&lt;slot&gt;</c> (<see cref="KeyOf"/>), so the load moves along the ring as ids grow, and the
/// stored window is bounded (<see cref="RangeSize"/> × <see cref="Slots"/> ids, at most <see cref="Slots"/> rows
/// per bot).
/// </summary>
[Alias("poker.bot-update")]
public interface IBotUpdateGrain : IGrainWithStringKey
{
    /// <summary>Update ids per range (one bit each).</summary>
    const int RangeSize = 4096;

    /// <summary>Grains in a bot's ring.</summary>
    const int Slots = 32;

    /// <summary>The key of the grain that owns <paramref name="updateId"/> of bot <paramref name="botId"/>.</summary>
    static string KeyOf(long botId, int updateId) =>
        string.Create(CultureInfo.InvariantCulture, $"{botId}/{updateId / RangeSize % Slots}");

    /// <summary>A claim not confirmed within this time was lost on its way back (or its process died): it may be claimed again.</summary>
    static readonly TimeSpan ConfirmLease = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Claims <paramref name="updateId"/> for processing (persisted before it answers): <see cref="UpdateClaim.Claimed"/>
    /// the first time, and again when an earlier claim was not confirmed within <see cref="ConfirmLease"/> (its answer
    /// never reached the claimer, which told Telegram to redeliver); <see cref="UpdateClaim.InProgress"/> while an
    /// earlier claim awaits its confirmation; <see cref="UpdateClaim.Duplicate"/> once confirmed or when the id is
    /// older than the remembered window. Throws <c>invalid_update</c> for an id this grain does not own. Times out
    /// after 5 s (the webhook then answers 503 and Telegram redelivers); the request lives no longer either, so a
    /// claim that timed out is never recorded later by a message still on its way.
    /// </summary>
    [Alias("TryBegin")]
    [ResponseTimeout("00:00:05")]
    Task<UpdateClaim> TryBegin(int updateId);

    /// <summary>The claimer got its <see cref="UpdateClaim.Claimed"/> answer and processes the update: later deliveries are duplicates.</summary>
    [Alias("Confirm")]
    [ResponseTimeout("00:00:05")]
    Task Confirm(int updateId);
}
