namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// The room's broadcast (key <see cref="Key"/>): an admin's plain-text message to every player the bot may message,
/// one broadcast at a time. The bot front end sends it: it claims a page of recipients after the cursor, sends them
/// through its outbox and reports; the cursor only moves on a report, so a restarted bot or silo goes on from there
/// and at most the page in flight is sent twice.
/// </summary>
[Alias("poker.broadcast")]
public interface IBroadcastGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>The longest text (Telegram takes 4,096 characters).</summary>
    public const int MaxTextLength = 2000;

    /// <summary>The most recipients one page carries.</summary>
    public const int MaxPage = 100;

    /// <summary>
    /// The text as a broadcast sends it: trimmed, line breaks as <c>\n</c>; null when it is empty, longer than
    /// <see cref="MaxTextLength"/> or holds control characters other than line breaks and tabs.
    /// </summary>
    public static string? Normalize(string? text)
    {
        var body = text?.Trim().ReplaceLineEndings("\n") ?? "";
        return body.Length is 0 or > MaxTextLength || body.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? null : body;
    }

    /// <summary>The current or last broadcast; null when there never was one.</summary>
    [Alias("Get")]
    Task<Broadcast?> Get();

    /// <summary>
    /// Starts a broadcast of <paramref name="text"/> (plain text, 1 to <see cref="MaxTextLength"/> characters; line
    /// breaks allowed, no other control characters) by admin <paramref name="by"/>. Refused with
    /// <c>invalid_input</c> (400) for bad text and <c>broadcast_running</c> (409) while another runs or is paused.
    /// </summary>
    [Alias("Start")]
    Task<Broadcast> Start(long by, string text);

    /// <summary>Pauses (<paramref name="paused"/>) or resumes the running broadcast; <c>no_broadcast</c> (409) when none is running or paused.</summary>
    [Alias("SetPaused")]
    Task<Broadcast> SetPaused(bool paused, long by);

    /// <summary>Cancels the running or paused broadcast (a page in flight may still go out); <c>no_broadcast</c> (409) when there is none.</summary>
    [Alias("Cancel")]
    Task<Broadcast> Cancel(long by);

    /// <summary>
    /// Up to <paramref name="max"/> (at most <see cref="MaxPage"/>) recipients after the cursor, leased to
    /// <paramref name="sender"/> (a bot process) for a while; null when nothing runs, another sender holds the lease,
    /// or everyone was reached (the broadcast is then done). Claiming again before reporting returns the same page.
    /// </summary>
    [Alias("Claim")]
    Task<BroadcastPage?> Claim(string sender, int max);

    /// <summary>
    /// Records what <paramref name="sender"/> sent: moves the cursor to the report's last player id and adds its
    /// counts (a report for another broadcast, or one not past the cursor, changes nothing). Returns the broadcast,
    /// whose status tells the sender whether to go on.
    /// </summary>
    [Alias("Report")]
    Task<Broadcast?> Report(string sender, BroadcastReport report);
}
