using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tables;

/// <summary>Everything a table persists. The engine hand in progress is kept as its compact serialized form.</summary>
[GenerateSerializer, Alias("poker.table-state.v1")]
public sealed class TableState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public string TemplateId { get; set; } = "";

    [Id(2)] public int TemplateVersion { get; set; }

    [Id(3)] public TemplateConfig? Config { get; set; }

    [Id(4)] public string Name { get; set; } = "";

    [Id(5)] public TableStatus Status { get; set; }

    [Id(6)] public long CreatedBy { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    [Id(8)] public string? InviteCode { get; set; }

    [Id(9)] public DateTimeOffset? ExpiresAt { get; set; }

    [Id(10)] public bool ExpiryWarned { get; set; }

    /// <summary>One entry per seat; null = empty.</summary>
    [Id(11)] public SeatState?[] Seats { get; set; } = [];

    /// <summary>
    /// The button's seat; -1 before the first hand (<see cref="Model.Seating.Open"/>). The serializer leaves out a
    /// field at its type's default, so 0 must stay the default here: an initializer of -1 turned a stored seat 0 into
    /// no button at all when the table was loaded again.
    /// </summary>
    [Id(12)] public int ButtonSeat { get; set; }

    [Id(13)] public long HandNo { get; set; }

    /// <summary>The engine hand in progress (HandSerializer bytes), null between hands.</summary>
    [Id(14)] public byte[]? Hand { get; set; }

    /// <summary>Table seat of each engine seat of the hand in progress (engine seat 0 = left of the button).</summary>
    [Id(15)] public int[] HandSeats { get; set; } = [];

    /// <summary>When the actor's turn clock runs out.</summary>
    [Id(16)] public DateTimeOffset? Deadline { get; set; }

    /// <summary>When the next hand may start.</summary>
    [Id(17)] public DateTimeOffset? NextHandAt { get; set; }

    [Id(18)] public long EventSeq { get; set; }

    [Id(19)] public long TableVersion { get; set; }

    /// <summary>Per player, the answers to their most recent accepted client sequence numbers.</summary>
    [Id(20)] public Dictionary<long, List<ActResult>> RecentActs { get; set; } = [];

    [Id(21)] public List<PendingTransfer> PendingTransfers { get; set; } = [];

    [Id(22)] public long RakeCollected { get; set; }

    /// <summary>Closing after the current hand.</summary>
    [Id(23)] public string? CloseReason { get; set; }

    /// <summary>Sit-and-go: the current blind level and when it ends.</summary>
    [Id(24)] public int Level { get; set; }

    [Id(25)] public DateTimeOffset? LevelEndsAt { get; set; }

    [Id(26)] public SeatHold? Hold { get; set; }

    [Id(27)] public DateTimeOffset? HandStartedAt { get; set; }

    /// <summary>Sit-and-go: entry fees collected, paid to the winner.</summary>
    [Id(28)] public long PrizePool { get; set; }

    [Id(29)] public bool SitAndGoStarted { get; set; }

    [Id(30)] public HandResult? LastResult { get; set; }

    /// <summary>Stacks at the start of the hand in progress, per engine seat (for results and statistics).</summary>
    [Id(31)] public long[] HandStartStacks { get; set; } = [];

    /// <summary>Robot turn: when the robot to act will act.</summary>
    [Id(32)] public DateTimeOffset? RobotActsAt { get; set; }

    /// <summary>Players queued on the waitlist (kept here for the lobby summary).</summary>
    [Id(34)] public int WaitlistLength { get; set; }

    /// <summary>Engine seats that put chips in voluntarily this hand (statistics).</summary>
    [Id(33)] public bool[] HandVoluntary { get; set; } = [];

    /// <summary>The turn being played (the event sequence number that opened it); 0 between turns.</summary>
    [Id(35)] public long TurnId { get; set; }

    /// <summary>
    /// Settled hands whose history is not stored yet (an outbox written with the settlement): stored, then removed,
    /// retried by the timer until the store takes them. Storing is idempotent per table and hand number.
    /// </summary>
    [Id(36)] public List<HandRecord> PendingHistories { get; set; } = [];

    /// <summary>The table's last activity (opened, a hand dealt, a seat taken): a player's table idle too long closes.</summary>
    [Id(37)] public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>The idle close was announced (cleared by the next activity).</summary>
    [Id(38)] public bool IdleWarned { get; set; }

    /// <summary>When the player to act went on their time bank (null while on the turn clock).</summary>
    [Id(39)] public DateTimeOffset? TimeBankFrom { get; set; }

    /// <summary>The seat whose time bank runs (with <see cref="TimeBankFrom"/>).</summary>
    [Id(40)] public int? TimeBankSeat { get; set; }

    /// <summary>People's turns the clock played since the table was created (robots not counted), published in the summary.</summary>
    [Id(41)] public long Timeouts { get; set; }

    /// <summary>The room's maintenance switch is on: no new hand starts (told by the maintenance grain, checked by the watchdog).</summary>
    [Id(42)] public bool Maintenance { get; set; }

    /// <summary>The host's changed settings, applied when the next hand starts.</summary>
    [Id(43)] public TableSettings? PendingSettings { get; set; }

    /// <summary>Paused by an admin: only an admin resumes it (not its host).</summary>
    [Id(44)] public bool PausedByAdmin { get; set; }

    /// <summary>When a sit-and-go went on hold (paused or maintenance): its level clock resumes where it stopped.</summary>
    [Id(46)] public DateTimeOffset? HeldSince { get; set; }

    /// <summary>Ended, but its record's close, its last event, its lobby entry and its template claim are not all done yet (the timer does them).</summary>
    [Id(47)] public bool CloseUnrecorded { get; set; }

    /// <summary>
    /// Players whose grain has not confirmed yet whether they sit here (true: they sat down; false: they left), told
    /// again by the timer until it does, so a player's list of tables follows their seats through a failed call.
    /// </summary>
    [Id(48)] public Dictionary<long, bool> SeatedUntold { get; set; } = [];

    /// <summary>
    /// The template's queue could not be asked for a player to offer a free seat to (its store blinked): the timer asks
    /// it again (<see cref="Model.TableClock.Due.SeatUnoffered"/>) until it answers, as for the table's own queue.
    /// </summary>
    [Id(49)] public bool TemplateQueueUnasked { get; set; }
}
